package dev.shopfront.e2e;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog through the gateway: anyone browses, searches and pages; an unknown SKU is
 * a problem; administrators add products and restock them; customers cannot.
 */
@ExtendWith(ShopDeployment.class)
class CatalogE2ETests {

	@Test
	void anyoneBrowsesSearchesAndPagesTheCatalog() {
		Response first = Api.given().get("/api/products?size=5&page=0&sort=sku");
		assertThat(first.statusCode()).as(first.asString()).isEqualTo(200);
		assertThat(first.jsonPath().getList("content")).hasSize(5);
		assertThat(first.jsonPath().getInt("page.totalElements")).isGreaterThanOrEqualTo(5);
		List<String> firstSkus = first.jsonPath().getList("content.sku");
		List<String> secondSkus = Api.given()
			.get("/api/products?size=5&page=1&sort=sku")
			.jsonPath()
			.getList("content.sku");
		assertThat(secondSkus).doesNotContainAnyElementsOf(firstSkus);

		String sku = firstSkus.get(0);
		Response one = Api.given().get("/api/products/" + sku);
		assertThat(one.statusCode()).isEqualTo(200);
		assertThat(one.<String>path("price")).matches("\\d+\\.\\d{2}");
		String word = one.<String>path("name").split(" ")[0];
		List<String> found = Api.given()
			.get("/api/products?q=" + word.toUpperCase() + "&size=100")
			.jsonPath()
			.getList("content.sku");
		assertThat(found).as("searching %s, case-insensitively", word).contains(sku);
	}

	@Test
	void anUnknownProductOrAPageTooLargeIsAProblem() {
		Problems.assertProblem(Api.given().get("/api/products/NO-SUCH-SKU-" + System.nanoTime() % 1000), 404,
				"not-found");
		Problems.assertProblem(Api.given().get("/api/products?size=1000"), 400, "validation");
	}

	@Test
	void administratorsAddAndRestockCustomersCannot(Deployment deployment) throws JOSEException {
		String admin = Admins.token(deployment);
		String sku = "E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		Map<String, Object> product = Map.of("sku", sku, "name", "End-to-end Widget", "description",
				"Created by the e2e suite", "price", "12.34", "currency", "EUR", "stock", 3);

		Api.Customer customer = Api.newCustomer("catalog");
		Problems.assertProblem(Api.given().contentType(ContentType.JSON).body(product).post("/api/products"), 401,
				"unauthorized");
		Problems.assertProblem(Api.given()
			.auth()
			.oauth2(customer.accessToken())
			.contentType(ContentType.JSON)
			.body(product)
			.post("/api/products"), 403, "forbidden");

		Response created = Api.given()
			.auth()
			.oauth2(admin)
			.contentType(ContentType.JSON)
			.body(product)
			.post("/api/products");
		assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
		Response restocked = Api.given()
			.auth()
			.oauth2(admin)
			.contentType(ContentType.JSON)
			.body(Map.of("restock", 7))
			.patch("/api/products/" + sku);
		assertThat(restocked.statusCode()).as(restocked.asString()).isEqualTo(200);
		assertThat(Api.given().get("/api/products/" + sku).<Integer>path("available")).isEqualTo(10);
		Problems.assertProblem(Api.given()
			.auth()
			.oauth2(customer.accessToken())
			.contentType(ContentType.JSON)
			.body(Map.of("restock", 1))
			.patch("/api/products/" + sku), 403, "forbidden");
	}

}
