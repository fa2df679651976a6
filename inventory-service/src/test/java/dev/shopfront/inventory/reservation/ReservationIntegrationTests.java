package dev.shopfront.inventory.reservation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.shopfront.inventory.InventoryServiceApplication;
import dev.shopfront.testsupport.AnotherInstance;
import dev.shopfront.testsupport.EventSchemas;
import dev.shopfront.testsupport.JwtMinter;
import dev.shopfront.testsupport.ServiceIntegrationTest;
import dev.shopfront.testsupport.TestEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static dev.shopfront.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Reservations on real PostgreSQL: all or nothing, prices taken, idempotent by order id,
 * and stock that never goes below zero under concurrent requests, to one instance or two.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReservationIntegrationTests extends ServiceIntegrationTest {

	@Autowired
	Reservations reservations;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ReservationExpiry expiry;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

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
		String answer = reserve(this.port, order, Map.of(a, 3, b, 2)).then()
			.statusCode(201)
			.body("orderId", equalTo(order.toString()))
			.body("status", equalTo("HELD"))
			.body("items", hasSize(2))
			.body("items.find { it.sku == '" + a + "' }.unitPrice", equalTo("19.99"))
			.body("items.find { it.sku == '" + b + "' }.quantity", equalTo(2))
			.extract()
			.asString();
		assertThat(available(a)).isEqualTo(2);
		assertThat(reserved(a)).isEqualTo(3);
		assertThat(available(b)).isZero();

		this.jdbc.sql("update products set price = 25.00 where sku = ?").param(a).update();
		String repeated = reserve(this.port, order, Map.of(a, 3, b, 2)).then()
			.statusCode(200)
			.body("items.find { it.sku == '" + a + "' }.unitPrice", equalTo("19.99"))
			.extract()
			.asString();
		// the first answer is built from what the reservation wrote, the repeat's is read
		// back from the database: the same, to the microsecond and the price's scale
		assertThat(repeated).isEqualTo(answer);
	}

	@Test
	void takesNothingWhenAnyItemIsShortAndSaysWhat() {
		String plenty = product("1.00", 10);
		String scarce = product("2.00", 1);
		UUID order = UUID.randomUUID();
		double refused = moves("refuse");
		double held = moves("hold");
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
		assertThat(moves("refuse")).as("refused reservations counted").isEqualTo(refused + 1);
		assertThat(moves("hold")).as("held reservations counted").isEqualTo(held + 1);
	}

	private double moves(String move) {
		return this.meters.counter("shopfront.reservations", "move", move).count();
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
		// a second instance on this test's database and virtual host, never the shop's
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(InventoryServiceApplication.class)
			.run(AnotherInstance.arguments(this.database, this.broker))) {
			int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
			String sku = product("9.99", 10);
			assertThat(race(sku, List.of(this.port, secondPort))).isEqualTo(10);
			assertThat(available(sku)).isZero();
			assertThat(reserved(sku)).isEqualTo(10);
		}
	}

	@Test
	void ordersConfirmedAndCancelledMoveTheirReservationsOnceWhateverIsRedelivered() {
		String sku = product("4.00", 10);
		UUID confirmed = UUID.randomUUID();
		UUID cancelled = UUID.randomUUID();
		UUID confirmedThenCancelled = UUID.randomUUID();
		for (UUID order : List.of(confirmed, cancelled, confirmedThenCancelled)) {
			reserve(this.port, order, Map.of(sku, 2)).then().statusCode(201);
		}
		assertThat(available(sku)).isEqualTo(4);
		assertThat(reserved(sku)).isEqualTo(6);

		Message confirmedEvent = orderEvent("order.confirmed", confirmed);
		this.rabbit.send("order.events", "order.confirmed", confirmedEvent);
		this.rabbit.send("order.events", "order.confirmed", confirmedEvent);
		this.rabbit.send("order.events", "order.cancelled", orderEvent("order.cancelled", cancelled));
		this.rabbit.send("order.events", "order.confirmed", orderEvent("order.confirmed", confirmedThenCancelled));
		await().atMost(WAIT).until(() -> status(confirmedThenCancelled).equals("COMMITTED"));
		Message cancelledAfterConfirm = orderEvent("order.cancelled", confirmedThenCancelled);
		this.rabbit.send("order.events", "order.cancelled", cancelledAfterConfirm);
		this.rabbit.send("order.events", "order.cancelled", cancelledAfterConfirm);

		await().atMost(WAIT)
			.until(() -> status(confirmed).equals("COMMITTED") && status(cancelled).equals("RELEASED")
					&& status(confirmedThenCancelled).equals("RETURNED"));
		// 10 in: 2 committed (left the stock), 2 released and 2 returned (back to
		// available)
		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(available(sku)).isEqualTo(8);
			assertThat(reserved(sku)).isZero();
		});
	}

	@Test
	void aRejectedOrderReleasesWhatItHoldsAndALateRequestForItReservesNothing() {
		String sku = product("4.00", 10);
		UUID held = UUID.randomUUID();
		UUID neverReserved = UUID.randomUUID();
		reserve(this.port, held, Map.of(sku, 3)).then().statusCode(201);
		for (UUID order : List.of(held, neverReserved, held, neverReserved)) {
			this.rabbit.send("order.events", "order.rejected", orderEvent("order.rejected", order));
		}
		await().atMost(WAIT).until(() -> status(held).equals("RELEASED") && status(neverReserved).equals("VOID"));
		assertThat(available(sku)).isEqualTo(10);
		assertThat(reserved(sku)).isZero();

		// the request order-service gave up on arrives after all: it takes nothing
		assertProblem(reserve(this.port, neverReserved, Map.of(sku, 3)).then(), 409, "order-rejected");
		assertThat(available(sku)).isEqualTo(10);

		// the same, asked for directly (order-service does before it lets the customer's
		// key place another order): idempotent, for services only
		api(this.port).post("/internal/reservations/{id}/release", held)
			.then()
			.statusCode(200)
			.body("status", equalTo("RELEASED"));
		UUID other = UUID.randomUUID();
		api(this.port).post("/internal/reservations/{id}/release", other)
			.then()
			.statusCode(200)
			.body("status", equalTo("VOID"));
		assertProblem(RestAssured.given()
			.port(this.port)
			.auth()
			.oauth2(JwtMinter.shared().customer(UUID.randomUUID()))
			.post("/internal/reservations/{id}/release", other)
			.then(), 403, "forbidden");
		assertThat(available(sku)).isEqualTo(10);
	}

	@Test
	void aRejectionWaitsForAReservationBeingWrittenAndThenReleasesIt() throws Exception {
		String sku = product("4.00", 5);
		UUID order = UUID.randomUUID();
		java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
		var transactions = new org.springframework.transaction.support.TransactionTemplate(this.transactionManager);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<?> reserving = threads.submit(() -> transactions.executeWithoutResult((tx) -> {
				this.reservations.reserve(order, Map.of(sku, 2));
				written.countDown();
				await().atMost(WAIT).until(() -> commit.getCount() == 0);
			}));
			assertThat(written.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			Future<ReservationStatus> rejecting = threads.submit(() -> this.reservations.releaseRejected(order));
			// the rejection cannot overtake the reservation it races with
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !rejecting.isDone());
			commit.countDown();
			reserving.get(20, java.util.concurrent.TimeUnit.SECONDS);
			assertThat(rejecting.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(ReservationStatus.RELEASED);
		}
		finally {
			commit.countDown();
			threads.shutdownNow();
		}
		assertThat(available(sku)).isEqualTo(5);
		assertThat(reserved(sku)).isZero();
	}

	@Test
	void expiredReservationsGoBackAndAreAnnounced() throws Exception {
		String sku = product("4.00", 3);
		UUID order = UUID.randomUUID();
		reserve(this.port, order, Map.of(sku, 3)).then().statusCode(201);
		this.jdbc.sql("update reservations set expires_at = now() - interval '1 minute' where order_id = ?")
			.param(order)
			.update();
		assertThat(this.expiry.expireDue()).isGreaterThanOrEqualTo(1);
		assertThat(status(order)).isEqualTo("RELEASED");
		assertThat(available(sku)).isEqualTo(3);
		assertThat(reserved(sku)).isZero();
		assertThat(this.jdbc
			.sql("select count(*) from outbox where type = 'inventory.reservation-expired' and subject = ?")
			.param(order.toString())
			.query(Long.class)
			.single()).isOne();
		String payload = this.jdbc
			.sql("select payload from outbox where type = 'inventory.reservation-expired' and subject = ?")
			.param(order.toString())
			.query(String.class)
			.single();
		EventSchemas.assertValid("inventory.reservation-expired", 1, payload);
		// a late confirmation of the expired order changes nothing
		assertThat(this.reservations.commit(order)).isFalse();
		assertThat(available(sku)).isEqualTo(3);
	}

	@Test
	void stockIsConservedThroughAnyMixOfReservingCommittingReleasingExpiringAndReturning() {
		java.util.Random random = new java.util.Random(42);
		List<String> skus = List.of(product("1.00", 20), product("2.00", 15), product("3.00", 5));
		Map<String, Integer> stockPutIn = Map.of(skus.get(0), 20, skus.get(1), 15, skus.get(2), 5);
		List<UUID> orders = new ArrayList<>();
		for (int step = 0; step < 200; step++) {
			int action = random.nextInt(5);
			if (action == 0 || orders.isEmpty()) {
				UUID order = UUID.randomUUID();
				Map<String, Integer> items = new java.util.HashMap<>();
				items.put(skus.get(random.nextInt(3)), 1 + random.nextInt(4));
				items.merge(skus.get(random.nextInt(3)), 1 + random.nextInt(3), Integer::sum);
				try {
					this.reservations.reserve(order, items);
					orders.add(order);
				}
				catch (Reservations.ShortStock ex) {
					// short: nothing taken
				}
			}
			else {
				UUID order = orders.get(random.nextInt(orders.size()));
				switch (action) {
					case 1 -> this.reservations.commit(order);
					case 2, 3 -> this.reservations.cancel(order);
					default -> {
						this.jdbc
							.sql("update reservations set expires_at = now() - interval '1 second' where order_id = ?")
							.param(order)
							.update();
						this.expiry.expireDue();
					}
				}
			}
			for (String sku : skus) {
				int committed = units(sku, ReservationStatus.COMMITTED);
				int held = units(sku, ReservationStatus.HELD);
				assertThat(available(sku)).as("available of %s at step %d", sku, step).isGreaterThanOrEqualTo(0);
				assertThat(reserved(sku)).as("reserved of %s at step %d", sku, step).isEqualTo(held);
				assertThat(available(sku) + held + committed).as("conservation of %s at step %d", sku, step)
					.isEqualTo(stockPutIn.get(sku));
			}
		}
	}

	private Message orderEvent(String type, UUID orderId) {
		// only what inventory reads, and a field it does not know
		return TestEvents.unchecked(type, orderId, TestEvents.fields("orderId", orderId, "somethingElse", 1));
	}

	/** The units of a product in reservations of a status. */
	private int units(String sku, ReservationStatus status) {
		return this.jdbc.sql("""
				select coalesce(sum(l.quantity), 0) from reservation_lines l join reservations r using (order_id)
				where l.sku = ? and r.status = ?
				""").params(sku, status.name()).query(Integer.class).single();
	}

	private String status(UUID order) {
		return this.reservations.find(order).map((reservation) -> reservation.status().name()).orElse("NONE");
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
