package dev.shopfront.inventory.reservation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.shopfront.inventory.InventoryServiceApplication;
import dev.shopfront.testsupport.JwtMinter;
import dev.shopfront.testsupport.TestBroker;
import dev.shopfront.testsupport.TestDatabase;
import dev.shopfront.testsupport.TestJwks;
import dev.shopfront.testsupport.WithTestServers;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.shopfront.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Reservations on real PostgreSQL: all or nothing, prices taken, idempotent by order id,
 * and stock that never goes below zero under concurrent requests, to one instance or two.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithTestServers
class ReservationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestDatabase database;

	@Autowired
	TestBroker broker;

	private final String service = JwtMinter.shared().service("order-service");

	private RequestSpecification api(int port) {
		return RestAssured.given().port(port).contentType(ContentType.JSON).auth().oauth2(this.service);
	}

	private String product(String price, int stock) {
		String sku = "R-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		this.jdbc
			.sql("""
					insert into products (sku, name, description, price, currency, available, version, created_at, updated_at)
					values (?, ?, '', ?, 'EUR', ?, 0, now(), now())
					""")
			.params(sku, "Product " + sku, new java.math.BigDecimal(price), stock)
			.update();
		return sku;
	}

	private Response reserve(int port, UUID orderId, Map<String, Integer> items) {
		List<Map<String, Object>> lines = new ArrayList<>();
		items.forEach((sku, quantity) -> lines.add(Map.of("sku", sku, "quantity", quantity)));
		return api(port).body(Map.of("orderId", orderId, "items", lines)).post("/internal/reservations");
	}

	private int available(String sku) {
		return this.jdbc.sql("select available from products where sku = ?").param(sku).query(Integer.class).single();
	}

	private int reserved(String sku) {
		return this.jdbc.sql("select reserved from products where sku = ?").param(sku).query(Integer.class).single();
	}

	@Test
	void reservesEveryItemAtThePriceOfTheMoment() {
		String a = product("19.99", 5);
		String b = product("5.00", 2);
		UUID order = UUID.randomUUID();
		reserve(this.port, order, Map.of(a, 3, b, 2)).then()
			.statusCode(201)
			.body("orderId", equalTo(order.toString()))
			.body("status", equalTo("HELD"))
			.body("items", hasSize(2))
			.body("items.find { it.sku == '" + a + "' }.unitPrice", equalTo("19.99"))
			.body("items.find { it.sku == '" + b + "' }.quantity", equalTo(2));
		assertThat(available(a)).isEqualTo(2);
		assertThat(reserved(a)).isEqualTo(3);
		assertThat(available(b)).isZero();

		this.jdbc.sql("update products set price = 25.00 where sku = ?").param(a).update();
		reserve(this.port, order, Map.of(a, 3, b, 2)).then()
			.statusCode(200)
			.body("items.find { it.sku == '" + a + "' }.unitPrice", equalTo("19.99"));
	}

	@Test
	void takesNothingWhenAnyItemIsShortAndSaysWhat() {
		String plenty = product("1.00", 10);
		String scarce = product("2.00", 1);
		UUID order = UUID.randomUUID();
		assertProblem(reserve(this.port, order, Map.of(plenty, 4, scarce, 3)).then(), 409, "insufficient-stock")
			.body("unavailable", hasSize(1))
			.body("unavailable[0].sku", equalTo(scarce))
			.body("unavailable[0].requested", equalTo(3))
			.body("unavailable[0].available", equalTo(1));
		assertThat(available(plenty)).isEqualTo(10);
		assertThat(reserved(plenty)).isZero();
		assertThat(available(scarce)).isEqualTo(1);
		// nothing was kept: the same order id may try again
		reserve(this.port, order, Map.of(plenty, 4)).then().statusCode(201);
	}

	@Test
	void refusesUnknownProductsAndAChangedRequestForTheSameOrder() {
		assertProblem(reserve(this.port, UUID.randomUUID(), Map.of("NO-SUCH-SKU", 1)).then(), 422, "unknown-product");
		String sku = product("3.00", 5);
		UUID order = UUID.randomUUID();
		reserve(this.port, order, Map.of(sku, 1)).then().statusCode(201);
		assertProblem(reserve(this.port, order, Map.of(sku, 2)).then(), 409, "reservation-conflict");
		assertThat(available(sku)).isEqualTo(4);
	}

	@Test
	void mergesASkuListedTwice() {
		String sku = product("3.00", 5);
		api(this.port)
			.body(Map.of("orderId", UUID.randomUUID(), "items",
					List.of(Map.of("sku", sku, "quantity", 1), Map.of("sku", sku, "quantity", 2))))
			.post("/internal/reservations")
			.then()
			.statusCode(201)
			.body("items[0].quantity", equalTo(3));
		assertThat(available(sku)).isEqualTo(2);
	}

	@Test
	void isForServicesOnly() {
		Map<String, Object> body = Map.of("orderId", UUID.randomUUID(), "items",
				List.of(Map.of("sku", "KIT-0001", "quantity", 1)));
		assertProblem(RestAssured.given()
			.port(this.port)
			.contentType(ContentType.JSON)
			.body(body)
			.post("/internal/reservations")
			.then(), 401, "unauthorized");
		for (String token : List.of(JwtMinter.shared().customer(UUID.randomUUID()), JwtMinter.shared().admin())) {
			assertProblem(RestAssured.given()
				.port(this.port)
				.contentType(ContentType.JSON)
				.auth()
				.oauth2(token)
				.body(body)
				.post("/internal/reservations")
				.then(), 403, "forbidden");
		}
		assertProblem(api(this.port).body(Map.of("orderId", UUID.randomUUID(), "items", List.of()))
			.post("/internal/reservations")
			.then(), 400, "validation");
	}

	@Test
	void fiftyConcurrentReservationsOfTenUnitsLeaveExactlyTenWinners() throws Exception {
		String sku = product("9.99", 10);
		assertThat(race(sku, List.of(this.port))).isEqualTo(10);
		assertThat(available(sku)).isZero();
		assertThat(reserved(sku)).isEqualTo(10);
	}

	@Test
	void theSameHoldsWithTwoServiceInstances() throws Exception {
		// command-line arguments, so they win over application.yml (the second instance
		// must use
		// this test's database, never the shop's)
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(InventoryServiceApplication.class)
			.run("--server.port=0", "--spring.datasource.url=" + this.database.jdbcUrl(),
					"--spring.datasource.username=" + this.database.username(),
					"--spring.datasource.password=" + this.database.password(),
					"--spring.rabbitmq.host=" + this.broker.host(), "--spring.rabbitmq.port=" + this.broker.port(),
					"--spring.rabbitmq.username=" + this.broker.username(),
					"--spring.rabbitmq.password=" + this.broker.password(),
					"--spring.rabbitmq.virtual-host=" + this.broker.virtualHost(),
					"--shopfront.chassis.security.jwk-set-uri=" + TestJwks.get().uri())) {
			int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
			String sku = product("9.99", 10);
			assertThat(race(sku, List.of(this.port, secondPort))).isEqualTo(10);
			assertThat(available(sku)).isZero();
			assertThat(reserved(sku)).isEqualTo(10);
		}
	}

	/**
	 * 50 orders of one unit each, at once, spread over the instances; returns the 201s.
	 */
	private int race(String sku, List<Integer> ports) throws Exception {
		List<Callable<Integer>> orders = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			int port = ports.get(i % ports.size());
			orders.add(() -> reserve(port, UUID.randomUUID(), Map.of(sku, 1)).statusCode());
		}
		int created = 0;
		try (ExecutorService pool = Executors.newFixedThreadPool(25)) {
			for (Future<Integer> status : pool.invokeAll(orders)) {
				int code = status.get();
				assertThat(code).isIn(201, 409);
				if (code == 201) {
					created++;
				}
			}
		}
		return created;
	}

}
