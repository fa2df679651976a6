package dev.shopfront.legacy.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.shopfront.testsupport.JwtMinter;
import dev.shopfront.testsupport.WithTestServers;
import dev.shopfront.testsupport.api.ApiDocuments;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The monolith's catalog on real PostgreSQL: the same paths, members and problems as
 * inventory-service, so the gateway can move the route between them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithTestServers(broker = false)
class CatalogIntegrationTests {

	@LocalServerPort
	int port;

	private RequestSpecification api() {
		return RestAssured.given().port(this.port).contentType(ContentType.JSON);
	}

	private static String newSku() {
		return "L-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	@Test
	void adminsAddAndChangeProductsAnyoneReadsThem() {
		String sku = newSku();
		api().auth()
			.oauth2(JwtMinter.shared().admin())
			.body(Map.of("sku", sku, "name", "Legacy Lamp", "price", "19.90", "currency", "EUR", "stock", 5))
			.post("/api/products")
			.then()
			.statusCode(201)
			.header("Location", "/api/products/" + sku)
			.body("price", equalTo("19.90"))
			.body("available", equalTo(5))
			.body("description", equalTo(""));
		api().auth()
			.oauth2(JwtMinter.shared().admin())
			.body(Map.of("restock", 3, "price", "17.50"))
			.patch("/api/products/" + sku)
			.then()
			.statusCode(200)
			.body("available", equalTo(8))
			.body("price", equalTo("17.50"));
		api().get("/api/products/" + sku).then().statusCode(200).body("name", equalTo("Legacy Lamp"));
		api().get("/api/products?q=legacy lamp&size=100")
			.then()
			.statusCode(200)
			.body("content.sku", hasItem(sku))
			.body("page.size", equalTo(100));
	}

	@Test
	void refusesWithTheSameProblemsAsTheService() {
		api().get("/api/products/NO-SUCH-SKU")
			.then()
			.statusCode(404)
			.contentType("application/problem+json")
			.body("type", equalTo("https://shopfront.dev/problems/not-found"));
		api().auth()
			.oauth2(JwtMinter.shared().customer(UUID.randomUUID()))
			.body(Map.of("sku", newSku(), "name", "x", "price", "1.00", "currency", "EUR", "stock", 1))
			.post("/api/products")
			.then()
			.statusCode(403);
		api().auth()
			.oauth2(JwtMinter.shared().admin())
			.body(Map.of("sku", "lower-case", "name", "", "price", "0", "currency", "EUR", "stock", -1))
			.post("/api/products")
			.then()
			.statusCode(400)
			.body("type", equalTo("https://shopfront.dev/problems/validation"));
		String sku = newSku();
		Map<String, Object> product = Map.of("sku", sku, "name", "Twice", "price", "1.00", "currency", "EUR", "stock",
				1);
		api().auth().oauth2(JwtMinter.shared().admin()).body(product).post("/api/products").then().statusCode(201);
		api().auth()
			.oauth2(JwtMinter.shared().admin())
			.body(product)
			.post("/api/products")
			.then()
			.statusCode(409)
			.body("type", equalTo("https://shopfront.dev/problems/sku-taken"));
	}

	@Test
	void servesTheCatalogPathsAndMembersOfInventoryServicesDocument() {
		// The catalog's operations of both documents (the monolith serves orders too).
		JsonPath monolith = RestAssured.given()
			.port(this.port)
			.get("/v3/api-docs/public")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
		JsonPath service = JsonPath.from(ApiDocuments.read(ApiDocuments.committed("inventory-service", "public")));
		assertThat(operations(monolith)).isEqualTo(operations(service));
		for (String schema : List.of("ProductResponse", "PageResponse", "PageInfo")) {
			assertThat(monolith.getMap("components.schemas." + schema + ".properties").keySet()).as(schema)
				.isEqualTo(service.getMap("components.schemas." + schema + ".properties").keySet());
		}
	}

	private static Set<String> operations(JsonPath document) {
		Set<String> operations = new java.util.TreeSet<>();
		document.<String, Map<String, Object>>getMap("paths")
			.entrySet()
			.stream()
			.filter((path) -> path.getKey().startsWith("/api/products"))
			.forEach((path) -> path.getValue()
				.keySet()
				.forEach((method) -> operations.add(method + " " + path.getKey())));
		return operations;
	}

}
