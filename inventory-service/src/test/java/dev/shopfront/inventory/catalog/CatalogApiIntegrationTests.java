package dev.shopfront.inventory.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.shopfront.testsupport.EventSchemas;
import dev.shopfront.testsupport.JwtMinter;
import dev.shopfront.testsupport.ServiceIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.shopfront.testsupport.ProblemAssertions.assertInvalid;
import static dev.shopfront.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * The catalog API on real PostgreSQL, with the demo catalog loaded (profile demo).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.profiles.active=demo")
class CatalogApiIntegrationTests extends ServiceIntegrationTest {

	@Autowired
	TransactionTemplate transactions;

	private final JwtMinter tokens = JwtMinter.shared();

	private RequestSpecification api() {
		return RestAssured.given().port(this.port).contentType(ContentType.JSON);
	}

	private RequestSpecification admin() {
		return api().auth().oauth2(this.tokens.admin());
	}

	private static String newSku() {
		return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	@Test
	void browsesTheDemoCatalogPageByPage() {
		api().get("/api/products?size=10&page=1&sort=sku")
			.then()
			.statusCode(200)
			.body("content", hasSize(10))
			.body("page.number", equalTo(1))
			.body("page.size", equalTo(10))
			.body("page.totalElements", greaterThanOrEqualTo(40))
			.body("page.totalPages", greaterThanOrEqualTo(4))
			.body("content[0].price", org.hamcrest.Matchers.matchesPattern("\\d+\\.\\d{2}"))
			.body("content[0].currency", equalTo("EUR"));
	}

	@Test
	void searchesNameAndDescriptionWhateverTheCase() {
		api().get("/api/products?q=KNIFE").then().statusCode(200).body("content.sku", hasItem("KIT-0001"));
		api().get("/api/products?q=circuit breakers")
			.then()
			.statusCode(200)
			.body("content.sku", containsInAnyOrder("BOK-0003"));
		api().get("/api/products?q=100%25").then().statusCode(200).body("content", hasSize(0));
		api().get("/api/products?q=o&sort=price,desc&size=5")
			.then()
			.statusCode(200)
			.body("content.price", everyItem(org.hamcrest.Matchers.notNullValue()));
	}

	@Test
	void searchIsServedByTheTrigramIndex() {
		String plan = this.transactions.execute((status) -> {
			this.jdbc.sql("set local enable_seqscan = off").update();
			return String.join("\n",
					this.jdbc
						.sql("explain select sku from products where lower(name || ' ' || description) like '%knife%'")
						.query(String.class)
						.list());
		});
		assertThat(plan).contains("products_search_idx");
	}

	@Test
	void refusesPagesTooLargeAndUnknownSorts() {
		assertInvalid(api().get("/api/products?size=101").then(), "size");
		assertProblem(api().get("/api/products?sort=stock").then(), 400, "validation");
		assertProblem(api().get("/api/products?page=-1").then(), 400, "validation");
	}

	@Test
	void showsOneProductAndAProblemForAnUnknownSku() {
		api().get("/api/products/BOK-0003")
			.then()
			.statusCode(200)
			.body("name", equalTo("Release It!"))
			.body("price", equalTo("41.50"));
		assertProblem(api().get("/api/products/NOPE-404").then(), 404, "not-found");
	}

	@Test
	void administratorsAddProductsAndChangeTheirStock() throws Exception {
		String sku = newSku();
		admin()
			.body(Map.of("sku", sku, "name", "Test Widget", "description", "Made by a test", "price", "19.99",
					"currency", "EUR", "stock", 5))
			.post("/api/products")
			.then()
			.statusCode(201)
			.header("Location", equalTo("/api/products/" + sku))
			.body("price", equalTo("19.99"))
			.body("available", equalTo(5));
		admin().body(Map.of("restock", 3))
			.patch("/api/products/" + sku)
			.then()
			.statusCode(200)
			.body("available", equalTo(8));
		admin().body(Map.of("stock", 2, "price", "24.50"))
			.patch("/api/products/" + sku)
			.then()
			.statusCode(200)
			.body("available", equalTo(2))
			.body("price", equalTo("24.50"))
			.body("name", equalTo("Test Widget"));
		assertProblem(admin().body(Map.of("stock", 2, "restock", 1)).patch("/api/products/" + sku).then(), 400,
				"bad-request");
		assertProblem(admin().body(Map.of("sku", sku, "name", "Again", "price", "1.00", "currency", "EUR", "stock", 1))
			.post("/api/products")
			.then(), 409, "sku-taken");
		assertProblem(admin().body(Map.of("restock", 1)).patch("/api/products/NOPE-404").then(), 404, "not-found");

		List<Integer> announced = this.jdbc
			.sql("select (payload::json ->> 'available')::int from outbox where type = 'inventory.stock-changed' "
					+ "and subject = ? order by id")
			.param(sku)
			.query(Integer.class)
			.list();
		assertThat(announced).containsExactly(5, 8, 2);

		for (String payload : this.jdbc
			.sql("select payload from outbox where type = 'inventory.stock-changed' and subject = ?")
			.param(sku)
			.query(String.class)
			.list()) {
			EventSchemas.assertValid("inventory.stock-changed", 1, payload);
		}
		assertThat(this.jdbc.sql("select distinct dataschema from outbox where subject = ?")
			.param(sku)
			.query(String.class)
			.list()).containsExactly("https://shopfront.dev/events/inventory.stock-changed/v1");
	}

	@Test
	void stockNeverPassesItsLimitHoweverOftenItIsRestocked() {
		String sku = newSku();
		admin()
			.body(Map.of("sku", sku, "name", "Bulk", "price", "1.00", "currency", "EUR", "stock",
					Catalog.MAX_STOCK - 1_500_000))
			.post("/api/products")
			.then()
			.statusCode(201);
		admin().body(Map.of("restock", 1_000_000)).patch("/api/products/" + sku).then().statusCode(200);
		assertProblem(admin().body(Map.of("restock", 1_000_000)).patch("/api/products/" + sku).then(), 409,
				"stock-limit");
		admin().body(Map.of("restock", 500_000))
			.patch("/api/products/" + sku)
			.then()
			.statusCode(200)
			.body("available", equalTo(Catalog.MAX_STOCK));
		assertProblem(admin().body(Map.of("restock", 1)).patch("/api/products/" + sku).then(), 409, "stock-limit");
		assertInvalid(admin().body(Map.of("stock", Catalog.MAX_STOCK + 1)).patch("/api/products/" + sku).then(),
				"stock");
		// text and numbers as JSON has them, not as strings or fractions
		assertInvalid(admin().body("{\"restock\": \"5\"}").patch("/api/products/" + sku).then(), "restock");
		assertInvalid(admin().body("{\"restock\": 5.7}").patch("/api/products/" + sku).then(), "restock");
		assertInvalid(admin().body(Map.of("name", "Two\nlines")).patch("/api/products/" + sku).then(), "name");
		assertInvalid(admin().body(Map.of("description", "nul\u0000")).patch("/api/products/" + sku).then(),
				"description");
	}

	@Test
	void listsEveryInvalidFieldOfANewProduct() {
		assertProblem(
				admin().body(Map.of("sku", "bad sku", "name", "", "price", "0.001", "currency", "XXY", "stock", -1))
					.post("/api/products")
					.then(),
				400, "validation")
			// 0.001 breaks both rules of price: above zero and two decimals
			.body("errors.field", containsInAnyOrder("sku", "name", "price", "price", "currency", "stock"));
		assertInvalid(admin().body(Map.of("sku", newSku(), "name", "Free", "price", "0", "currency", "EUR", "stock", 1))
			.post("/api/products")
			.then(), "price");
	}

	@Test
	void onlyAdministratorsChangeTheCatalog() {
		Map<String, Object> product = Map.of("sku", newSku(), "name", "X", "price", "1.00", "currency", "EUR", "stock",
				1);
		assertProblem(api().body(product).post("/api/products").then(), 401, "unauthorized");
		assertProblem(
				api().auth().oauth2(this.tokens.customer(UUID.randomUUID())).body(product).post("/api/products").then(),
				403, "forbidden");
		assertProblem(api().auth()
			.oauth2(this.tokens.customer(UUID.randomUUID()))
			.body(Map.of("restock", 5))
			.patch("/api/products/KIT-0001")
			.then(), 403, "forbidden");
	}

}
