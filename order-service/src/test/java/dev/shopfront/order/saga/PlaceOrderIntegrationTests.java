package dev.shopfront.order.saga;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.shopfront.order.FakeParticipants;
import dev.shopfront.order.PaymentServiceDouble;
import dev.shopfront.order.PaymentServiceDouble.Published;
import dev.shopfront.order.RequestTransactions;
import dev.shopfront.order.lifecycle.Order;
import dev.shopfront.order.lifecycle.Orders;
import dev.shopfront.order.lifecycle.ShippingAddress;
import dev.shopfront.order.lifecycle.StatusChange;
import dev.shopfront.order.saga.idempotency.Claim;
import dev.shopfront.testsupport.EventSchemas;
import dev.shopfront.testsupport.JwtMinter;
import dev.shopfront.testsupport.ServiceIntegrationTest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.shopfront.testsupport.ProblemAssertions.assertInvalid;
import static dev.shopfront.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * The order saga on real PostgreSQL and RabbitMQ, with inventory-service and
 * user-service's token endpoint played over HTTP ({@link FakeParticipants}) and
 * payment-service played on the broker ({@link PaymentServiceDouble}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "shopfront.order.payment-timeout=4s", "shopfront.order.sweeper.interval=200ms",
				"shopfront.order.sweeper.reserving-stale-after=5s", "shopfront.order.inventory.open-for=2s",
				"shopfront.order.inventory.retry-backoff=50ms", "shopfront.order.inventory.read-timeout=1s",
				"shopfront.order.idempotency-wait=1s", "shopfront.chassis.messaging.consumer.retry-delays=200ms,200ms",
				"spring.security.oauth2.client.registration.user-service.client-secret=test-secret" })
@ExtendWith(OutputCaptureExtension.class)
class PlaceOrderIntegrationTests extends ServiceIntegrationTest {

	static final FakeParticipants participants = new FakeParticipants();

	@DynamicPropertySource
	static void participants(DynamicPropertyRegistry registry) {
		registry.add("shopfront.order.inventory.url", participants::url);
		registry.add("shopfront.order.user-service-url", participants::url);
	}

	@AfterAll
	static void stopParticipants() {
		participants.stop();
		if (payment != null) {
			payment.close();
		}
	}

	@Autowired
	PlaceOrder placeOrder;

	@Autowired
	MeterRegistry meters;

	@Autowired
	PlaceOrderSagaOrchestrator saga;

	/** One for the class: every test's orders are its own. */
	static PaymentServiceDouble payment;

	final UUID customer = UUID.randomUUID();

	static final String ADDRESS = """
			{"line1": "1 Main Street", "city": "Springfield", "postalCode": "12345", "country": "DE"}""";

	@Autowired
	CircuitBreaker inventoryCircuitBreaker;

	@Autowired
	OAuth2AuthorizedClientService authorizedClients;

	@BeforeEach
	void reset() {
		participants.reset();
		this.inventoryCircuitBreaker.reset(); // each test starts with a closed breaker
		if (payment == null) {
			payment = new PaymentServiceDouble(this.rabbit);
		}
	}

	private RequestSpecification as(String token) {
		return RestAssured.given().port(this.port).contentType(ContentType.JSON).auth().oauth2(token);
	}

	private RequestSpecification asCustomer() {
		return as(JwtMinter.shared().customer(this.customer));
	}

	private static String order(String card, String... skuQuantity) {
		List<String> items = new ArrayList<>();
		for (int i = 0; i < skuQuantity.length; i += 2) {
			items.add("{\"sku\": \"" + skuQuantity[i] + "\", \"quantity\": " + skuQuantity[i + 1] + "}");
		}
		return "{\"items\": [" + String.join(", ", items) + "], \"shippingAddress\": " + ADDRESS
				+ ", \"payment\": {\"cardToken\": \"" + card + "\"}}";
	}

	private Response place(String body) {
		return place(UUID.randomUUID().toString(), body);
	}

	private Response place(String key, String body) {
		return asCustomer().header("Idempotency-Key", key).body(body).post("/api/orders");
	}

	private UUID placed(String body) {
		Response response = place(body);
		response.then().statusCode(201).body("status", equalTo("PENDING"));
		return UUID.fromString(response.path("id"));
	}

	private String status(UUID orderId) {
		return asCustomer().get("/api/orders/{id}", orderId).then().statusCode(200).extract().path("status");
	}

	private void awaitStatus(UUID orderId, String status) {
		await().atMost(Duration.ofSeconds(20)).until(() -> status(orderId), equalTo(status));
	}

	@Test
	void placesAnOrderAndConfirmsItWhenThePaymentIsAuthorized(CapturedOutput output) {
		participants.price("BOOK-0001", "19.99");
		Response response = place(order("tok_visa", "BOOK-0001", "2", "MUG-0002", "1", "BOOK-0001", "1"));
		response.then()
			.statusCode(201)
			.header("Location", equalTo("/api/orders/" + response.path("id")))
			.body("status", equalTo("PENDING"))
			.body("userId", equalTo(this.customer.toString()))
			.body("items", hasSize(2))
			.body("items[0].sku", equalTo("BOOK-0001"))
			.body("items[0].quantity", equalTo(3))
			.body("items[0].unitPrice", equalTo("19.99"))
			.body("items[1].unitPrice", equalTo("10.00"))
			.body("total", equalTo("69.97"))
			.body("currency", equalTo("EUR"))
			.body("shippingAddress.city", equalTo("Springfield"))
			.body("history[0].status", equalTo("PENDING"));
		UUID orderId = UUID.fromString(response.path("id"));
		assertThat(participants.authorizations).last().asString().startsWith("Bearer ey");

		Published authorize = payment.nextCommand(orderId, "payment.authorize");
		EventSchemas.assertValid("payment.authorize", 1, authorize.body());
		assertThat(authorize.data().get("amount").asString()).isEqualTo("69.97");
		assertThat(authorize.data().get("currency").asString()).isEqualTo("EUR");
		assertThat(authorize.data().get("userId").asString()).isEqualTo(this.customer.toString());
		assertThat(authorize.data().get("cardToken").asString()).isEqualTo("tok_visa");

		payment.authorized(orderId, UUID.randomUUID());
		awaitStatus(orderId, "CONFIRMED");
		Published confirmed = payment.nextOrderEvent(orderId, "order.confirmed");
		EventSchemas.assertValid("order.confirmed", 1, confirmed.body());
		assertThat(confirmed.data().get("total").asString()).isEqualTo("69.97");
		assertThat(confirmed.data().get("shippingAddress").get("postalCode").asString()).isEqualTo("12345");
		asCustomer().get("/api/orders/{id}", orderId)
			.then()
			.body("history.status", equalTo(List.of("PENDING", "CONFIRMED")))
			.body("reason", nullValue());
		assertThat(output.getAll()).as("card tokens never reach the logs").doesNotContain("tok_visa");
	}

	@Test
	void placingAnOrderCostsItsRequestThreeTransactions(@Autowired PlatformTransactionManager transactionManager) {
		try (RequestTransactions transactions = RequestTransactions.count(transactionManager)) {
			placed(order("tok_visa", "BOOK-0001", "2", "MUG-0002", "1", "BOOK-0001", "1"));
			// store the order and its saga; decide on the stock's answer; store
			// the answer under the key. The reservation takes the quantities from
			// the request, not from a read of the order just stored.
			assertThat(transactions.of("POST", "/api/orders")).isEqualTo(3);
		}
	}

	@Test
	void countsThePlacedOrderItsOutcomeAndHowLongItsSagaAndItsStepsTook() {
		double placed = orders("placed");
		double confirmed = orders("confirmed");
		long sagas = timed("shopfront.saga.duration", "outcome", "confirmed");
		long reservations = timed("shopfront.saga.step.duration", "step", "reserve-stock");
		long payments = timed("shopfront.saga.step.duration", "step", "payment");
		UUID orderId = placed(order("tok_visa", "BOOK-0001", "1"));
		assertThat(orders("placed")).isEqualTo(placed + 1);
		assertThat(timed("shopfront.saga.step.duration", "step", "reserve-stock")).isEqualTo(reservations + 1);
		assertThat(orders("confirmed")).isEqualTo(confirmed);

		payment.nextCommand(orderId, "payment.authorize");
		payment.authorized(orderId, UUID.randomUUID());
		awaitStatus(orderId, "CONFIRMED");
		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(orders("confirmed")).isEqualTo(confirmed + 1);
			assertThat(timed("shopfront.saga.duration", "outcome", "confirmed")).isEqualTo(sagas + 1);
			assertThat(timed("shopfront.saga.step.duration", "step", "payment")).isEqualTo(payments + 1);
		});
	}

	private double orders(String outcome) {
		return this.meters.find("shopfront.orders")
			.tag("outcome", outcome)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private long timed(String name, String tag, String value) {
		Timer timer = this.meters.find(name).tag(tag, value).timer();
		return (timer != null) ? timer.count() : 0;
	}

	@Test
	void declinedPaymentCancelsTheOrderSoInventoryReleasesTheStock() {
		UUID orderId = placed(order("tok_chargeDeclined", "BOOK-0001", "1"));
		payment.nextCommand(orderId, "payment.authorize");
		payment.declined(orderId);
		awaitStatus(orderId, "CANCELLED");
		Published cancelled = payment.nextOrderEvent(orderId, "order.cancelled");
		EventSchemas.assertValid("order.cancelled", 1, cancelled.body());
		assertThat(cancelled.data().get("reason").asString()).isEqualTo("PAYMENT_DECLINED");
		asCustomer().get("/api/orders/{id}", orderId).then().body("reason", equalTo("PAYMENT_DECLINED"));
	}

	@Test
	void paymentTimeoutCancelsTheOrderAndALateAuthorizationIsRefunded() {
		UUID orderId = placed(order("tok_slow", "BOOK-0001", "1"));
		payment.nextCommand(orderId, "payment.authorize");
		awaitStatus(orderId, "CANCELLED");
		assertThat(payment.nextOrderEvent(orderId, "order.cancelled").data().get("reason").asString())
			.isEqualTo("PAYMENT_TIMEOUT");

		UUID paymentId = UUID.randomUUID();
		payment.authorized(orderId, paymentId);
		Published refund = payment.nextCommand(orderId, "payment.refund");
		EventSchemas.assertValid("payment.refund", 1, refund.body());
		assertThat(refund.data().get("paymentId").asString()).isEqualTo(paymentId.toString());
		assertThat(refund.data().get("amount").asString()).isEqualTo("10.00");
		assertThat(refund.data().get("reason").asString()).isEqualTo("LATE_AUTHORIZATION");
		payment.refunded(orderId, paymentId);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> asCustomer().get("/api/orders/{id}", orderId).path("history.reason"),
					(reasons) -> ((List<?>) reasons).contains("PAYMENT_REFUNDED"));
		assertThat(status(orderId)).isEqualTo("CANCELLED");
	}

	@Test
	void customerCancelsBeforePaymentAndALateAuthorizationIsRefunded() {
		UUID orderId = placed(order("tok_visa", "BOOK-0001", "1"));
		payment.nextCommand(orderId, "payment.authorize");
		asCustomer().post("/api/orders/{id}/cancel", orderId)
			.then()
			.statusCode(200)
			.body("status", equalTo("CANCELLED"))
			.body("reason", equalTo("CUSTOMER_REQUEST"));
		asCustomer().post("/api/orders/{id}/cancel", orderId)
			.then()
			.statusCode(200)
			.body("status", equalTo("CANCELLED"));
		assertThat(payment.nextOrderEvent(orderId, "order.cancelled").data().get("reason").asString())
			.isEqualTo("CUSTOMER_REQUEST");
		UUID paymentId = UUID.randomUUID();
		payment.authorized(orderId, paymentId);
		assertThat(payment.nextCommand(orderId, "payment.refund").data().get("paymentId").asString())
			.isEqualTo(paymentId.toString());
	}

	@Test
	void customerCancelsAfterPaymentAndIsRefunded() {
		UUID orderId = placed(order("tok_visa", "BOOK-0001", "2"));
		payment.nextCommand(orderId, "payment.authorize");
		UUID paymentId = UUID.randomUUID();
		payment.authorized(orderId, paymentId);
		awaitStatus(orderId, "CONFIRMED");
		asCustomer().post("/api/orders/{id}/cancel", orderId)
			.then()
			.statusCode(200)
			.body("status", equalTo("CANCELLED"));
		Published refund = payment.nextCommand(orderId, "payment.refund");
		assertThat(refund.data().get("paymentId").asString()).isEqualTo(paymentId.toString());
		assertThat(refund.data().get("amount").asString()).isEqualTo("20.00");
		assertThat(refund.data().get("reason").asString()).isEqualTo("CUSTOMER_REQUEST");
		assertThat(payment.nextOrderEvent(orderId, "order.cancelled").data().get("reason").asString())
			.isEqualTo("CUSTOMER_REQUEST");
	}

	@Test
	void shippedOrdersCannotBeCancelledAndMoveOnToDelivered() {
		UUID orderId = placed(order("tok_visa", "BOOK-0001", "1"));
		payment.nextCommand(orderId, "payment.authorize");
		payment.authorized(orderId, UUID.randomUUID());
		awaitStatus(orderId, "CONFIRMED");
		payment.shipment("shipment.dispatched", orderId);
		awaitStatus(orderId, "SHIPPED");
		EventSchemas.assertValid("order.shipped", 1, payment.nextOrderEvent(orderId, "order.shipped").body());
		assertProblem(asCustomer().post("/api/orders/{id}/cancel", orderId).then(), 409, "order-not-cancellable")
			.body("orderStatus", equalTo("SHIPPED"));
		payment.shipment("shipment.delivered", orderId);
		awaitStatus(orderId, "DELIVERED");
		EventSchemas.assertValid("order.delivered", 1, payment.nextOrderEvent(orderId, "order.delivered").body());
	}

	@Test
	void aDispatchThatCrossedTheCustomersCancelIsRecordedAndTheOrderStaysCancelled(CapturedOutput output) {
		UUID orderId = placed(order("tok_visa", "BOOK-0001", "1"));
		payment.nextCommand(orderId, "payment.authorize");
		payment.authorized(orderId, UUID.randomUUID());
		awaitStatus(orderId, "CONFIRMED");
		asCustomer().post("/api/orders/{id}/cancel", orderId).then().statusCode(200);
		String dispatched = "{\"orderId\":\"" + orderId + "\",\"shipmentId\":\"" + UUID.randomUUID() + "\"}";
		String first = UUID.randomUUID().toString();
		String again = UUID.randomUUID().toString(); // another message with the same news
		payment.send("shipping.events", "shipment.dispatched", orderId, first, dispatched);
		payment.send("shipping.events", "shipment.dispatched", orderId, again, dispatched);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc
				.sql("select count(*) from inbox where consumer = 'order.shipment-events' and message_id in (?, ?)")
				.params(first, again)
				.query(Integer.class)
				.single() == 2);
		assertThat(output.getOut()).contains("Order " + orderId + " was cancelled (CUSTOMER_REQUEST) but its shipment");
		asCustomer().get("/api/orders/{id}", orderId)
			.then()
			.body("status", equalTo("CANCELLED"))
			.body("history.reason", org.hamcrest.Matchers.hasItem("DISPATCHED_AFTER_CANCELLATION"))
			.body("history.findAll { it.reason == 'DISPATCHED_AFTER_CANCELLATION' }", hasSize(1));
	}

	@Test
	void sweepersRacingOnAnOverdueSagaCancelItOnce() throws Exception {
		UUID orderId = placed(order("tok_slow", "BOOK-0001", "1"));
		payment.nextCommand(orderId, "payment.authorize");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("select payment_deadline <= now() from checkout_sagas where order_id = ?")
				.param(orderId)
				.query(Boolean.class)
				.single());
		// several instances' sweepers (and this service's own) decide the same saga at
		// once
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Callable<Boolean>> sweeps = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				sweeps.add(() -> {
					try {
						return this.saga.checkDeadline(orderId);
					}
					catch (org.springframework.dao.OptimisticLockingFailureException ex) {
						return false;
					}
				});
			}
			for (Future<Boolean> sweep : pool.invokeAll(sweeps)) {
				sweep.get();
			}
		}
		finally {
			pool.shutdown();
		}
		awaitStatus(orderId, "CANCELLED");
		assertThat(this.jdbc.sql("select count(*) from outbox where subject = ? and type = 'order.cancelled'")
			.param(orderId.toString())
			.query(Integer.class)
			.single()).isEqualTo(1);
		asCustomer().get("/api/orders/{id}", orderId)
			.then()
			.body("history.status", equalTo(List.of("PENDING", "CANCELLED")))
			.body("reason", equalTo("PAYMENT_TIMEOUT"));
	}

	@Test
	void duplicateAndRedeliveredRepliesChangeNothing() {
		UUID orderId = placed(order("tok_visa", "BOOK-0001", "1"));
		payment.nextCommand(orderId, "payment.authorize");
		UUID paymentId = UUID.randomUUID();
		String reply = "{\"orderId\":\"" + orderId + "\",\"paymentId\":\"" + paymentId
				+ "\",\"amount\":\"10.00\",\"currency\":\"EUR\"}";
		String messageId = UUID.randomUUID().toString();
		String secondId = UUID.randomUUID().toString();
		String declinedId = UUID.randomUUID().toString();
		payment.send("payment.events", "payment.authorized", orderId, messageId, reply);
		payment.send("payment.events", "payment.authorized", orderId, messageId, reply);
		payment.send("payment.events", "payment.authorized", orderId, secondId, reply);
		payment.send("payment.events", "payment.declined", orderId, declinedId, "{\"orderId\":\"" + orderId
				+ "\",\"paymentId\":\"" + UUID.randomUUID() + "\",\"reason\":\"card_declined\"}");
		awaitStatus(orderId, "CONFIRMED");
		payment.nextOrderEvent(orderId, "order.confirmed");
		// every one of the three messages handled (the fourth is the first redelivered)
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc
				.sql("select count(*) from inbox where consumer = 'order.payment-events' and message_id in (?, ?, ?)")
				.params(messageId, secondId, declinedId)
				.query(Integer.class)
				.single() == 3);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("select count(*) from outbox where subject = ? and sent_at is null")
				.param(orderId.toString())
				.query(Integer.class)
				.single() == 0);
		assertThat(payment.drain()).as("nothing else published for the order")
			.noneMatch((published) -> published.subject().equals(orderId.toString()));
		asCustomer().get("/api/orders/{id}", orderId)
			.then()
			.body("status", equalTo("CONFIRMED"))
			.body("history.status", equalTo(List.of("PENDING", "CONFIRMED")));
	}

	@Test
	void sameKeyAndBodyGetTheSameResponseAndOneOrder() {
		String key = UUID.randomUUID().toString();
		String body = order("tok_visa", "BOOK-0001", "1");
		Response first = place(key, body);
		Response again = place(key, body);
		first.then().statusCode(201);
		again.then().statusCode(201).header("Location", equalTo(first.header("Location")));
		assertThat(again.asString()).isEqualTo(first.asString());
		assertThat(participants.reserved(UUID.fromString(first.path("id")))).isTrue();
		assertProblem(asCustomer().header("Idempotency-Key", key)
			.body(order("tok_visa", "BOOK-0001", "2"))
			.post("/api/orders")
			.then(), 422, "idempotency-key-reused");
		assertThat(this.jdbc.sql("select count(*) from orders where user_id = ?")
			.param(this.customer)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aRepeatWhileTheFirstRequestIsInFlightWaitsForItsResponse() throws Exception {
		participants.delay(600);
		String key = UUID.randomUUID().toString();
		String body = order("tok_visa", "BOOK-0001", "1");
		int callsBefore = participants.reservationCalls.get();
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			List<Callable<Response>> calls = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				calls.add(() -> place(key, body));
			}
			List<Response> responses = new ArrayList<>();
			for (Future<Response> future : pool.invokeAll(calls)) {
				responses.add(future.get());
			}
			assertThat(responses).extracting(Response::statusCode).containsOnly(201);
			assertThat(responses).extracting(Response::asString).containsOnly(responses.get(0).asString());
		}
		finally {
			pool.shutdown();
		}
		assertThat(participants.reservationCalls.get() - callsBefore).isEqualTo(1);
	}

	@Test
	void aRepeatWaitsAsLongAsTheFirstRequestCanTakeNotOnlyTheConfiguredWait() throws Exception {
		// the class configures idempotency-wait=1s; the first request takes ~1.7 s (an
		// attempt answered 503 after 0.8 s, then one answered 201 after 0.8 s)
		participants.delay(800);
		participants.failNext(1);
		String key = UUID.randomUUID().toString();
		String body = order("tok_visa", "BOOK-0001", "1");
		int callsBefore = participants.reservationCalls.get();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Response> first = pool.submit(() -> place(key, body));
			await().atMost(Duration.ofSeconds(5)).until(() -> participants.reservationCalls.get() > callsBefore);
			Response repeat = place(key, body);
			assertThat(repeat.statusCode()).as("the repeat waited for the first answer").isEqualTo(201);
			assertThat(repeat.asString()).isEqualTo(first.get().asString());
		}
		finally {
			pool.shutdown();
		}
		assertThat(participants.reservationCalls.get() - callsBefore).as("a 503, then the retry").isEqualTo(2);
	}

	@Test
	void missingOrMalformedIdempotencyKeyIsABadRequest() {
		assertProblem(asCustomer().body(order("tok_visa", "BOOK-0001", "1")).post("/api/orders").then(), 400,
				"idempotency-key-required");
		assertProblem(asCustomer().header("Idempotency-Key", "x".repeat(101))
			.body(order("tok_visa", "BOOK-0001", "1"))
			.post("/api/orders")
			.then(), 400, "idempotency-key-invalid");
	}

	@Test
	void shortStockIsAConflictWithWhatIsMissingAndTheOrderIsRejected() {
		participants.shortOf("MUG-0002", 1);
		Response response = place(order("tok_visa", "BOOK-0001", "1", "MUG-0002", "3"));
		assertProblem(response.then(), 409, "insufficient-stock").body("unavailable", hasSize(1))
			.body("unavailable[0].sku", equalTo("MUG-0002"))
			.body("unavailable[0].requested", equalTo(3))
			.body("unavailable[0].available", equalTo(1));
		UUID orderId = UUID.fromString(response.path("orderId"));
		asCustomer().get("/api/orders/{id}", orderId)
			.then()
			.body("status", equalTo("REJECTED"))
			.body("reason", equalTo("OUT_OF_STOCK"));
		assertThat(this.jdbc.sql("select type from outbox where subject = ?")
			.param(orderId.toString())
			.query(String.class)
			.list()).as("no payment requested; inventory told to release whatever it may hold")
			.containsExactly("order.rejected");
	}

	@Test
	void unknownProductIsUnprocessable() {
		assertProblem(place(order("tok_visa", "UNKNOWN-1", "1")).then(), 422, "unknown-product");
	}

	@Test
	void inventoryDownIsServiceUnavailableWithRetryAfterAndNoStuckOrder() {
		participants.down(true);
		String key = UUID.randomUUID().toString();
		String body = order("tok_visa", "BOOK-0001", "1");
		Response response = place(key, body);
		assertProblem(response.then(), 503, "inventory-unavailable").header("Retry-After", equalTo("2"));
		UUID failed = UUID.fromString(response.path("orderId"));
		assertRejectedForGood(failed, "INVENTORY_UNAVAILABLE");

		Published rejected = payment.nextOrderEvent(failed, "order.rejected");
		EventSchemas.assertValid("order.rejected", 1, rejected.body());
		assertThat(rejected.data().get("reason").asString()).isEqualTo("INVENTORY_UNAVAILABLE");

		// a retry while inventory is still down: no second order while the first one's
		// stock is unknown
		long orders = ordersOfCustomer();
		int releases = participants.releaseCalls.size();
		assertProblem(place(key, body).then(), 503, "inventory-unavailable").header("Retry-After", equalTo("2"));
		assertThat(ordersOfCustomer()).isEqualTo(orders);
		assertThat(participants.releaseCalls.subList(releases, participants.releaseCalls.size())).contains(failed);

		participants.down(false);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Response retried = place(key, body);
			retried.then().statusCode(201);
			assertThat(UUID.fromString(retried.path("id"))).as("a retry after a 503 places the order anew")
				.isNotEqualTo(failed);
		});
		assertThat(ordersOfCustomer()).isEqualTo(orders + 1);
	}

	@Test
	void aReservationMadeAfterTheOrderGaveUpIsReleasedBeforeTheRetryReservesAgain() {
		// inventory answers after the read timeout: each attempt reserves, too late
		participants.delay(1500);
		String key = UUID.randomUUID().toString();
		String body = order("tok_visa", "BOOK-0001", "1");
		Response response = place(key, body);
		assertProblem(response.then(), 503, "inventory-unavailable");
		UUID failed = UUID.fromString(response.path("orderId"));
		await().atMost(Duration.ofSeconds(10)).until(() -> participants.reserved(failed));
		// every late attempt has landed (order-service retried): none can reserve after
		// the release
		await().atMost(Duration.ofSeconds(10)).until(() -> participants.reservationsInFlight.get() == 0);
		EventSchemas.assertValid("order.rejected", 1, payment.nextOrderEvent(failed, "order.rejected").body());

		participants.delay(0);
		UUID placed = UUID.fromString(place(key, body).then().statusCode(201).extract().path("id"));
		assertThat(participants.releaseCalls).contains(failed);
		assertThat(participants.reserved(failed)).as("the late reservation went back first").isFalse();
		assertThat(participants.reserved(placed)).isTrue();
	}

	private long ordersOfCustomer() {
		return this.jdbc.sql("select count(*) from orders where user_id = ?")
			.param(this.customer)
			.query(Long.class)
			.single();
	}

	@Test
	void theCircuitBreakerOpensAfterRepeatedFailuresAndClosesAgain() {
		participants.down(true);
		for (int i = 0; i < 6; i++) {
			place(order("tok_visa", "BOOK-0001", "1")).then().statusCode(503);
		}
		int calls = participants.reservationCalls.get();
		assertProblem(place(order("tok_visa", "BOOK-0001", "1")).then(), 503, "inventory-unavailable")
			.header("Retry-After", equalTo("2"));
		assertThat(participants.reservationCalls.get()).as("an open breaker does not call").isEqualTo(calls);
		participants.down(false);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> place(order("tok_visa", "BOOK-0001", "1")).statusCode(), equalTo(201));
	}

	@ParameterizedTest
	@ValueSource(ints = { 503, 401 })
	void noServiceTokenIsServiceUnavailableAndLeavesNoStuckOrder(int tokenStatus) {
		this.authorizedClients.removeAuthorizedClient("user-service", "order-service");
		participants.tokenStatus(tokenStatus);
		String key = UUID.randomUUID().toString();
		String body = order("tok_visa", "BOOK-0001", "1");
		int reservations = participants.reservationCalls.get();
		Response response = place(key, body);
		assertProblem(response.then(), 503, "inventory-unavailable").header("Retry-After", equalTo("2"));
		assertThat(participants.reservationCalls.get()).as("no call without a token").isEqualTo(reservations);
		UUID failed = UUID.fromString(response.path("orderId"));
		assertRejectedForGood(failed, "INVENTORY_UNAVAILABLE");

		participants.tokenStatus(200);
		Response retried = place(key, body);
		retried.then().statusCode(201);
		assertThat(UUID.fromString(retried.path("id"))).isNotEqualTo(failed);
	}

	@Test
	void oneServiceTokenServesEveryCustomerAndIsRenewedWhenItNearlyExpires() {
		placed(order("tok_visa", "BOOK-0001", "1"));
		int before = participants.tokenCalls.get();
		placedBy(JwtMinter.shared().customer(UUID.randomUUID()), order("tok_visa", "BOOK-0001", "1"));
		placedBy(JwtMinter.shared().customer(UUID.randomUUID()), order("tok_visa", "BOOK-0001", "1"));
		assertThat(participants.tokenCalls.get()).as("the cached token serves other customers' orders too")
			.isEqualTo(before);
		List<String> authorizations = participants.authorizations;
		assertThat(authorizations.subList(authorizations.size() - 3, authorizations.size())).allSatisfy(
				(authorization) -> assertThat(authorization).isEqualTo(authorizations.get(authorizations.size() - 1)))
			.allMatch((authorization) -> authorization.startsWith("Bearer "));

		// tokens of 30 s are inside the 60 s the client keeps in hand: each one is
		// renewed
		participants.tokenLifetime(30);
		this.authorizedClients.removeAuthorizedClient("user-service", "order-service");
		int renewing = participants.tokenCalls.get();
		placed(order("tok_visa", "BOOK-0001", "1"));
		placed(order("tok_visa", "BOOK-0001", "1"));
		assertThat(participants.tokenCalls.get() - renewing).as("a token about to expire is not used").isEqualTo(2);
	}

	@Test
	void aFailedAttemptIsRetriedAndASlowInventoryGivesUpAfterBoundedAttempts() {
		participants.failNext(1);
		int before = participants.reservationCalls.get();
		placed(order("tok_visa", "BOOK-0001", "1"));
		assertThat(participants.reservationCalls.get() - before).as("one 503, then the retry").isEqualTo(2);

		// the read timeout is 1 s; the sweeper leaves a saga reserving for 5 s before it
		// resumes it (and calls again)
		participants.delay(1500);
		before = participants.reservationCalls.get();
		Response response = place(order("tok_visa", "BOOK-0001", "1"));
		assertProblem(response.then(), 503, "inventory-unavailable").header("Retry-After", equalTo("2"));
		assertThat(participants.reservationCalls.get() - before).as("three attempts, no more").isEqualTo(3);
		assertThat(status(UUID.fromString(response.path("orderId")))).isEqualTo("REJECTED");
	}

	@Test
	void anAnswerTheSagaCannotUseRejectsTheOrderInsteadOfLeavingItPending() {
		String line = "{\"orderId\":\"%s\",\"status\":\"HELD\",\"items\":[{\"sku\":\"BOOK-0001\",\"quantity\":1,"
				+ "\"unitPrice\":\"%s\",\"currency\":\"EUR\"}]}";
		UUID any = UUID.randomUUID();
		for (String broken : List.of("not json", line.formatted(any, "ten"), line.formatted(any, "10.001"),
				line.formatted(any, "10.00").replace("BOOK-0001", "BOOK-0002"))) {
			participants.answerBroken(broken);
			int before = participants.reservationCalls.get();
			Response response = place(order("tok_visa", "BOOK-0001", "1"));
			assertProblem(response.then(), 503, "inventory-unavailable");
			assertThat(participants.reservationCalls.get() - before).as("not retried: %s", broken).isEqualTo(1);
			UUID orderId = UUID.fromString(response.path("orderId"));
			assertRejectedForGood(orderId, "INVENTORY_UNAVAILABLE");
		}
	}

	@Test
	void itemsPricedInTwoCurrenciesAreUnprocessable() {
		Response response = place(order("tok_visa", "BOOK-0001", "1", "USD-0001", "1"));
		assertProblem(response.then(), 422, "mixed-currencies");
		assertThat(status(UUID.fromString(response.path("orderId")))).isEqualTo("REJECTED");
	}

	@Test
	void anOrderAboveTheLargestTotalIsRejectedAtOnceAndReleasesItsStock() {
		participants.price("GOLD-0001", "9999999999.99");
		Response response = place(order("tok_visa", "GOLD-0001", "100"));
		assertProblem(response.then(), 422, "order-total-too-large");
		UUID orderId = UUID.fromString(response.path("orderId"));
		assertRejectedForGood(orderId, "TOTAL_TOO_LARGE");
		Published rejected = payment.nextOrderEvent(orderId, "order.rejected");
		EventSchemas.assertValid("order.rejected", 1, rejected.body());
		assertThat(rejected.data().get("reason").asString()).isEqualTo("TOTAL_TOO_LARGE");
	}

	@Test
	void theShippingAddressDefaultsToTheCustomersLocalCopy() {
		String noAddress = "{\"items\": [{\"sku\": \"BOOK-0001\", \"quantity\": 1}], \"payment\": {\"cardToken\": \"tok_visa\"}}";
		assertProblem(place(noAddress).then(), 422, "shipping-address-required");

		String registered = "{\"userId\":\"" + this.customer + "\",\"email\":\"ada@example.com\",\"fullName\":\"Ada\","
				+ "\"shippingAddress\":{\"line1\":\"2 Old Road\",\"line2\":null,\"city\":\"Bath\",\"postalCode\":\"BA1\","
				+ "\"country\":\"GB\"},\"version\":1}";
		String updated = registered.replace("Bath", "York").replace("\"version\":1", "\"version\":3");
		String stale = registered.replace("Bath", "Leeds").replace("\"version\":1", "\"version\":2");
		payment.userEvent("user.registered", UUID.randomUUID().toString(), this.customer, registered);
		payment.userEvent("user.updated", UUID.randomUUID().toString(), this.customer, updated);
		payment.userEvent("user.updated", UUID.randomUUID().toString(), this.customer, stale);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("select count(*) from inbox where consumer = 'order.user-events'")
				.query(Integer.class)
				.single() == 3);
		place(noAddress).then().statusCode(201).body("shippingAddress.city", equalTo("York"));
	}

	@Test
	void badRequestsListEveryBadField() {
		String body = "{\"items\": [{\"sku\": \"bad sku\", \"quantity\": 0}, {\"sku\": \"BOOK-0001\", \"quantity\": 101}],"
				+ " \"shippingAddress\": {\"line1\": \"\", \"city\": \"X\", \"postalCode\": \"1\", \"country\": \"de\"},"
				+ " \"payment\": {}}";
		assertProblem(place(body).then(), 400, "validation").body("errors.field",
				org.hamcrest.Matchers.hasItems("items[0].sku", "items[0].quantity", "items[1].quantity",
						"shippingAddress.line1", "shippingAddress.country", "payment.cardToken"));
		StringBuilder many = new StringBuilder("{\"items\": [");
		for (int i = 0; i < 51; i++) {
			many.append(i == 0 ? "" : ",").append("{\"sku\": \"SKU-").append(1000 + i).append("\", \"quantity\": 1}");
		}
		many.append("], \"payment\": {\"cardToken\": \"tok_visa\"}}");
		assertProblem(place(many.toString()).then(), 400, "validation");
		assertProblem(place("{\"items\": [], \"payment\": {\"cardToken\": \"tok_visa\"}}").then(), 400, "validation");
		assertProblem(place("not json").then(), 400, "malformed-request");
		// one line per address field, no control characters; numbers are numbers
		String twoLines = order("tok_visa", "BOOK-0001", "1").replace("1 Main Street", "1 Main Street\\nBcc: x");
		assertProblem(place(twoLines).then(), 400, "validation").body("errors.field",
				org.hamcrest.Matchers.contains("shippingAddress.line1"));
		assertProblem(place(order("tok_visa", "BOOK-0001", "\"2\"")).then(), 400, "validation").body("errors.field",
				org.hamcrest.Matchers.contains("items[0].quantity"));
		// 100 units of one SKU at most, also when it is listed twice (the lines are
		// merged)
		assertProblem(place(order("tok_visa", "BOOK-0001", "100", "BOOK-0002", "3", "BOOK-0001", "1")).then(), 400,
				"validation")
			.body("errors.field", org.hamcrest.Matchers.contains("items"))
			.body("errors[0].message", org.hamcrest.Matchers.startsWith("BOOK-0001: 101 units in all"));
		placed(order("tok_visa", "BOOK-0001", "60", "BOOK-0001", "40"));
	}

	@Test
	void customersSeeTheirOwnOrdersNewestFirstAndAnotherCustomersOrderIsNotFound() {
		UUID first = placed(order("tok_visa", "BOOK-0001", "1"));
		UUID second = placed(order("tok_visa", "BOOK-0001", "1"));
		asCustomer().get("/api/orders?size=1")
			.then()
			.statusCode(200)
			.body("content", hasSize(1))
			.body("content[0].id", equalTo(second.toString()))
			.body("page.totalElements", equalTo(2))
			.body("page.totalPages", equalTo(2));
		asCustomer().get("/api/orders?page=1&size=1").then().body("content[0].id", equalTo(first.toString()));

		String stranger = JwtMinter.shared().customer(UUID.randomUUID());
		assertProblem(as(stranger).get("/api/orders/{id}", first).then(), 404, "order-not-found");
		assertProblem(as(stranger).post("/api/orders/{id}/cancel", first).then(), 404, "order-not-found");
		as(stranger).get("/api/orders").then().statusCode(200).body("content", hasSize(0));
		assertProblem(as(stranger).get("/api/orders?userId=" + this.customer).then(), 403, "forbidden");

		String admin = JwtMinter.shared().admin();
		as(admin).get("/api/orders/{id}", first).then().statusCode(200);
		as(admin).get("/api/orders?userId=" + this.customer)
			.then()
			.statusCode(200)
			.body("page.totalElements", equalTo(2));
		UUID strangers = placedBy(stranger, order("tok_visa", "BOOK-0001", "1"));
		as(admin).get("/api/orders?size=100")
			.then()
			.statusCode(200)
			.body("content.id",
					org.hamcrest.Matchers.hasItems(first.toString(), second.toString(), strangers.toString()));
		assertProblem(as(admin).header("Idempotency-Key", "k")
			.body(order("tok_visa", "BOOK-0001", "1"))
			.post("/api/orders")
			.then(), 403, "forbidden");
		assertProblem(RestAssured.given().port(this.port).get("/api/orders").then(), 401, "unauthorized");
		assertProblem(asCustomer().get("/api/orders?size=101").then(), 400, "validation");
		assertInvalid(asCustomer().get("/api/orders/not-a-uuid").then(), "id").body("errors[0].message",
				equalTo("must be a UUID"));
	}

	/**
	 * The order is REJECTED for this reason, unpriced, and its saga has ended: the
	 * sweeper has nothing to retry.
	 */
	private void assertRejectedForGood(UUID orderId, String reason) {
		asCustomer().get("/api/orders/{id}", orderId)
			.then()
			.body("status", equalTo("REJECTED"))
			.body("reason", equalTo(reason))
			.body("total", nullValue());
		assertThat(this.jdbc.sql("select step from checkout_sagas where order_id = ?")
			.param(orderId)
			.query(String.class)
			.single()).as("the saga of %s has ended", orderId).isEqualTo("DONE");
	}

	private UUID placedBy(String token, String body) {
		Response response = as(token).header("Idempotency-Key", UUID.randomUUID().toString())
			.body(body)
			.post("/api/orders");
		response.then().statusCode(201);
		return UUID.fromString(response.path("id"));
	}

	@Autowired
	Orders orders;

	@Autowired
	PlaceOrderSagas sagas;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void writesAnOrderAndItsSagaOnlyWhenTheyChangedAndNeverOverANewerVersion() {
		UUID id = UUID.randomUUID();
		Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		Order order = Order.place(id, this.customer, new java.util.LinkedHashMap<>(Map.of("BOOK-0001", 2)),
				new ShippingAddress("1 Main Street", null, "Springfield", "12345", "DE"), now);
		PlaceOrderSaga saga = new PlaceOrderSaga(id, "tok_visa", now);
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		transactions.executeWithoutResult((status) -> {
			this.orders.save(order);
			this.sagas.save(saga);
		});
		assertThat(version("orders", "id", id)).isZero();
		assertThat(version("checkout_sagas", "order_id", id)).isZero();
		// read back whole, saved unchanged: nothing written
		Order read = this.orders.findById(id).orElseThrow();
		assertThat(read.lines()).containsExactlyElementsOf(order.lines());
		assertThat(read.history()).containsExactlyElementsOf(order.history());
		assertThat(read.shippingAddress()).isEqualTo(order.shippingAddress());
		transactions.executeWithoutResult((status) -> this.orders.save(read));
		assertThat(version("orders", "id", id)).isZero();
		// priced and noted: the row, the lines' prices and one new history entry
		read.price(Map.of("BOOK-0001", new BigDecimal("12.50")), "EUR", now.plusSeconds(1));
		read.note("TEST_NOTE", now.plusSeconds(2));
		transactions.executeWithoutResult((status) -> this.orders.save(read));
		Order priced = this.orders.findById(id).orElseThrow();
		assertThat(priced.total()).isEqualByComparingTo("25.00");
		assertThat(priced.lines()).singleElement()
			.satisfies((line) -> assertThat(line.unitPrice()).isEqualByComparingTo("12.50"));
		assertThat(priced.history()).extracting(StatusChange::reason).containsExactly(null, "TEST_NOTE");
		assertThat(version("orders", "id", id)).isOne();
		// a copy read before that change may not overwrite it
		order.note("LOST_UPDATE", now.plusSeconds(3));
		assertThatExceptionOfType(org.springframework.dao.OptimisticLockingFailureException.class)
			.isThrownBy(() -> transactions.executeWithoutResult((status) -> this.orders.save(order)));
		PlaceOrderSaga stale = this.sagas.findById(id).orElseThrow();
		transactions.executeWithoutResult((status) -> {
			PlaceOrderSaga current = this.sagas.findForDecision(id).orElseThrow();
			current.reserved(now.plusSeconds(4), Duration.ofSeconds(30));
			this.sagas.save(current);
		});
		assertThat(version("checkout_sagas", "order_id", id)).isOne();
		stale.reserved(now.plusSeconds(5), Duration.ofSeconds(30));
		assertThatExceptionOfType(org.springframework.dao.OptimisticLockingFailureException.class)
			.isThrownBy(() -> transactions.executeWithoutResult((status) -> this.sagas.save(stale)));
		assertThat(this.jdbc.sql("select card_token from checkout_sagas where order_id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null)).as("the token is dropped once the authorisation is asked for").isNull();
		// no saga of this test for the sweeper to resume (its row goes with the order's)
		this.jdbc.sql("delete from orders where id = ?").param(id).update();
	}

	private long version(String table, String key, UUID id) {
		return this.jdbc.sql("select version from " + table + " where " + key + " = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

	@Test
	void aSagaLeftReservingByACrashIsResumedByTheSweeper() {
		// step 1 of a request whose instance then died: stored PENDING, nothing reserved
		Claim claim = this.placeOrder
			.attempts(UUID.randomUUID().toString(), "0".repeat(64),
					new PlaceOrderCommand(this.customer, Map.of("BOOK-0001", 1),
							new ShippingAddress("1 Main Street", null, "Springfield", "12345", "DE"), "tok_visa"))
			.claim();
		UUID orderId = ((Claim.Started) claim).orderId();
		Published authorize = payment.nextCommand(orderId, "payment.authorize");
		assertThat(authorize.data().get("cardToken").asString()).isEqualTo("tok_visa");
		assertThat(participants.reserved(orderId)).isTrue();
		payment.authorized(orderId, UUID.randomUUID());
		awaitStatus(orderId, "CONFIRMED");
		assertThat(this.jdbc.sql("select count(*) from checkout_sagas where order_id = ? and card_token is not null")
			.param(orderId)
			.query(Integer.class)
			.single()).as("the card token is forgotten once requested").isZero();
	}

}
