package dev.shopfront.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Ordering through the gateway, the saga end to end: inventory-service reserves,
 * payment-service authorises (or declines), order-service confirms (or cancels and gives
 * the stock back). Each scenario uses a product of its own, created by an administrator,
 * so stock figures are exact on a shared deployment too.
 */
@ExtendWith(ShopDeployment.class)
class OrderJourneyE2ETests {

	private static final Duration SAGA = Duration.ofSeconds(60);

	private static final Map<String, String> ADDRESS = Map.of("line1", "1 End-to-end Road", "city", "Testville",
			"postalCode", "12345", "country", "DE");

	private static int available(String sku) {
		return Api.given().get("/api/products/" + sku).path("available");
	}

	/** Places an order under a new Idempotency-Key and expects it accepted (201). */
	private static Response placed(Api.Customer customer, String sku, int quantity, String card) {
		Response placed = place(customer, UUID.randomUUID().toString(), sku, quantity, card);
		assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(201);
		return placed;
	}

	private static Response place(Api.Customer customer, String key, String sku, int quantity, String card) {
		return customer.authorized()
			.contentType(ContentType.JSON)
			.header("Idempotency-Key", key)
			.body(Map.of("items", List.of(Map.of("sku", sku, "quantity", quantity)), "shippingAddress", ADDRESS,
					"payment", Map.of("cardToken", card)))
			.post("/api/orders");
	}

	private static Response order(Api.Customer customer, String orderId) {
		return customer.authorized().get("/api/orders/" + orderId);
	}

	private static void awaitStatus(Api.Customer customer, String orderId, String status) {
		await().atMost(SAGA)
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThat(customer.authorized()
				.header("Prefer", "wait=5")
				.get("/api/orders/" + orderId)
				.<String>path("status")).isEqualTo(status));
	}

	@Test
	void aPlacedOrderIsConfirmedWithItsPaymentVisibleAndItsStockCommitted(Deployment deployment) throws JOSEException {
		String sku = Admins.newProduct(deployment, "12.50", 5);
		Api.Customer customer = Api.newCustomer("order");
		Response placed = placed(customer, sku, 2, "tok_visa");
		assertThat(placed.<String>path("status")).isEqualTo("PENDING");
		assertThat(placed.<String>path("total")).isEqualTo("25.00");
		assertThat(placed.<String>path("currency")).isEqualTo("EUR");
		assertThat(placed.<String>path("items[0].unitPrice")).isEqualTo("12.50");
		String orderId = placed.path("id");

		awaitStatus(customer, orderId, "CONFIRMED");
		assertThat(order(customer, orderId).jsonPath().getList("history.status")).containsExactly("PENDING",
				"CONFIRMED");
		Response payments = customer.authorized().get("/api/payments?orderId=" + orderId);
		assertThat(payments.statusCode()).as(payments.asString()).isEqualTo(200);
		assertThat(payments.jsonPath().getList("status")).containsExactly("AUTHORIZED");
		assertThat(payments.jsonPath().getString("[0].amount")).isEqualTo("25.00");
		assertThat(payments.asString()).doesNotContain("tok_visa");
		assertThat(available(sku)).isEqualTo(3);
		assertThat(customer.authorized().get("/api/orders").jsonPath().getList("content.id")).contains(orderId);
	}

	@Test
	void aDeclinedPaymentCancelsTheOrderAndGivesTheStockBack(Deployment deployment) throws JOSEException {
		String sku = Admins.newProduct(deployment, "3.00", 4);
		Api.Customer customer = Api.newCustomer("declined");
		Response placed = placed(customer, sku, 3, "tok_chargeDeclined");
		String orderId = placed.path("id");
		assertThat(placed.<String>path("total")).as("priced by the reservation inventory made").isEqualTo("9.00");

		awaitStatus(customer, orderId, "CANCELLED");
		assertThat(order(customer, orderId).<String>path("reason")).isEqualTo("PAYMENT_DECLINED");
		await().atMost(SAGA).untilAsserted(() -> assertThat(available(sku)).isEqualTo(4));
		Response payments = customer.authorized().get("/api/payments?orderId=" + orderId);
		assertThat(payments.jsonPath().getList("status")).containsExactly("DECLINED");
	}

	@Test
	void shortStockIsAConflictThatSaysWhatIsMissing(Deployment deployment) throws JOSEException {
		String sku = Admins.newProduct(deployment, "5.00", 1);
		Api.Customer customer = Api.newCustomer("short");
		Response refused = place(customer, UUID.randomUUID().toString(), sku, 2, "tok_visa");
		Problems.assertProblem(refused, 409, "insufficient-stock");
		assertThat(refused.<String>path("unavailable[0].sku")).isEqualTo(sku);
		assertThat(refused.<Integer>path("unavailable[0].requested")).isEqualTo(2);
		assertThat(refused.<Integer>path("unavailable[0].available")).isEqualTo(1);
		assertThat(available(sku)).isEqualTo(1);
		assertThat(order(customer, refused.path("orderId")).<String>path("status")).isEqualTo("REJECTED");
	}

	@Test
	void aRetryWithTheSameIdempotencyKeyReturnsTheSameOrder(Deployment deployment) throws JOSEException {
		String sku = Admins.newProduct(deployment, "7.00", 5);
		Api.Customer customer = Api.newCustomer("retry");
		String key = UUID.randomUUID().toString();
		Response first = place(customer, key, sku, 1, "tok_visa");
		Response again = place(customer, key, sku, 1, "tok_visa");
		assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
		assertThat(again.statusCode()).isEqualTo(201);
		assertThat(again.asString()).isEqualTo(first.asString());
		Problems.assertProblem(place(customer, key, sku, 2, "tok_visa"), 422, "idempotency-key-reused");
		Problems.assertProblem(customer.authorized()
			.contentType(ContentType.JSON)
			.body(Map.of("items", List.of(Map.of("sku", sku, "quantity", 1)), "payment",
					Map.of("cardToken", "tok_visa")))
			.post("/api/orders"), 400, "idempotency-key-required");
		awaitStatus(customer, first.path("id"), "CONFIRMED");
		assertThat(available(sku)).as("one order, one unit").isEqualTo(4);
	}

	@Test
	void anotherCustomersOrderAndPaymentsAreNotFound(Deployment deployment) throws JOSEException {
		String sku = Admins.newProduct(deployment, "2.00", 5);
		Api.Customer owner = Api.newCustomer("owner");
		Api.Customer stranger = Api.newCustomer("stranger");
		String orderId = placed(owner, sku, 1, "tok_visa").path("id");
		awaitStatus(owner, orderId, "CONFIRMED");
		Problems.assertProblem(order(stranger, orderId), 404, "order-not-found");
		Problems.assertProblem(stranger.authorized().post("/api/orders/" + orderId + "/cancel"), 404,
				"order-not-found");
		Response payments = stranger.authorized().get("/api/payments?orderId=" + orderId);
		assertThat(payments.statusCode()).as(payments.asString()).isEqualTo(404);
	}

	@Test
	void aCustomerCancelsAConfirmedOrderAndIsRefunded(Deployment deployment) throws JOSEException {
		String sku = Admins.newProduct(deployment, "9.00", 3);
		Api.Customer customer = Api.newCustomer("cancel");
		String orderId = placed(customer, sku, 1, "tok_mastercard").path("id");
		awaitStatus(customer, orderId, "CONFIRMED");
		Response cancelled = customer.authorized().post("/api/orders/" + orderId + "/cancel");
		assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);
		assertThat(cancelled.<String>path("status")).isEqualTo("CANCELLED");
		await().atMost(SAGA)
			.untilAsserted(() -> assertThat(
					customer.authorized().get("/api/payments?orderId=" + orderId).jsonPath().getList("status"))
				.containsExactly("REFUNDED"));
		await().atMost(SAGA).untilAsserted(() -> assertThat(available(sku)).isEqualTo(3));
	}

	@Test
	void inventoryDownIsServiceUnavailableWithRetryAfterAndLeavesNoStuckOrder(Deployment deployment)
			throws JOSEException {
		assumeTrue(deployment.services().isPresent(),
				"Stopping inventory-service needs a system this suite started itself (not " + deployment.baseUrl()
						+ ")");
		Deployment.Services services = deployment.services().get();
		String sku = Admins.newProduct(deployment, "4.00", 5);
		Api.Customer customer = Api.newCustomer("outage");
		services.stop("inventory-service");
		String key = UUID.randomUUID().toString();
		Response refused;
		try {
			refused = place(customer, key, sku, 1, "tok_visa");
		}
		finally {
			services.start("inventory-service");
		}
		Problems.assertProblem(refused, 503, "inventory-unavailable");
		assertThat(refused.getHeader("Retry-After")).matches("[1-9][0-9]*");
		List<String> statuses = customer.authorized().get("/api/orders").jsonPath().getList("content.status");
		assertThat(statuses).doesNotContain("PENDING");
		// the client retries with the same key: one new order, and the rejected one holds
		// nothing
		await().atMost(SAGA)
			.untilAsserted(() -> assertThat(place(customer, key, sku, 1, "tok_visa").statusCode()).isEqualTo(201));
		await().atMost(SAGA)
			.untilAsserted(
					() -> assertThat(customer.authorized().get("/api/orders").jsonPath().getList("content.status"))
						.containsExactlyInAnyOrder("REJECTED", "CONFIRMED"));
		assertThat(Api.given().get("/api/products/" + sku).<Integer>path("available")).isEqualTo(4);
	}

}
