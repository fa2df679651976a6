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

/**
 * The whole journey through the gateway: a customer registers (a verification code by
 * e-mail, and once the address is verified a welcome), orders, the order is confirmed and
 * gets a shipment, an administrator dispatches it (the order is SHIPPED, the customer
 * gets the tracking number by e-mail) and delivers it (DELIVERED). The e-mails are
 * checked in the notification log and, where the mail sink's web API is known
 * ({@code ./shop}'s GreenMail, or {@code -De2e.mailApiUrl}), in the SMTP server.
 */
@ExtendWith(ShopDeployment.class)
class FulfilmentJourneyE2ETests {

	private static final Duration ASYNC = Duration.ofSeconds(60);

	@Test
	void registerOrderShipDeliverWithTheEmailsOnTheWay(Deployment deployment) throws JOSEException {
		String admin = Admins.token(deployment);
		String sku = "E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		Response product = Api.given()
			.auth()
			.oauth2(admin)
			.contentType(ContentType.JSON)
			.body(Map.of("sku", sku, "name", "Journey Lamp", "description", "Created by the e2e journey", "price",
					"24.90", "currency", "EUR", "stock", 5))
			.post("/api/products");
		assertThat(product.statusCode()).as(product.asString()).isEqualTo(201);

		Api.Customer customer = Api.newCustomer("journey");
		// the address gets its verification code first, and nothing else until it is
		// verified
		await().atMost(ASYNC)
			.untilAsserted(() -> assertThat(notifications(customer)).containsExactlyInAnyOrder("VERIFY_EMAIL SENT",
					"WELCOME PENDING"));
		boolean verified = deployment.mailApi().isPresent();
		if (verified) {
			String code = Mailbox.verificationCode(deployment.mailApi().get(), customer.email(), ASYNC);
			Response verification = Api.given()
				.contentType(ContentType.JSON)
				.body(Map.of("token", code))
				.post("/api/users/verify-email");
			assertThat(verification.statusCode()).as(verification.asString()).isEqualTo(204);
			assertThat(customer.authorized().get("/api/users/me").<Boolean>path("emailVerified")).isTrue();
		}
		Map<String, Object> address = Map.of("line1", "7 Journey Lane", "city", "Leipzig", "postalCode", "04109",
				"country", "DE");
		Response placed = customer.authorized()
			.contentType(ContentType.JSON)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.body(Map.of("items", List.of(Map.of("sku", sku, "quantity", 2)), "shippingAddress", address, "payment",
					Map.of("cardToken", "tok_visa")))
			.post("/api/orders");
		assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(201);
		String orderId = placed.path("id");
		awaitOrder(customer, orderId, "CONFIRMED");

		String[] shipment = new String[2];
		await().atMost(ASYNC).untilAsserted(() -> {
			Response shipments = customer.authorized().get("/api/shipments?orderId=" + orderId);
			assertThat(shipments.statusCode()).as(shipments.asString()).isEqualTo(200);
			assertThat(shipments.jsonPath().getList("status")).containsExactly("CREATED");
			shipment[0] = shipments.path("[0].id");
			shipment[1] = shipments.path("[0].trackingNumber");
		});
		assertThat(
				customer.authorized().get("/api/shipments?orderId=" + orderId).<String>path("[0].shippingAddress.city"))
			.isEqualTo("Leipzig");
		Problems.assertProblem(customer.authorized().post("/api/shipments/" + shipment[0] + "/dispatch"), 403,
				"forbidden");

		Response dispatched = Api.given().auth().oauth2(admin).post("/api/shipments/" + shipment[0] + "/dispatch");
		assertThat(dispatched.statusCode()).as(dispatched.asString()).isEqualTo(200);
		assertThat(dispatched.<String>path("status")).isEqualTo("DISPATCHED");
		awaitOrder(customer, orderId, "SHIPPED");
		Problems.assertProblem(customer.authorized().post("/api/orders/" + orderId + "/cancel"), 409,
				"order-not-cancellable");
		Problems.assertProblem(Api.given().auth().oauth2(admin).post("/api/shipments/" + shipment[0] + "/dispatch"),
				409, "shipment-not-dispatchable");

		Response delivered = Api.given().auth().oauth2(admin).post("/api/shipments/" + shipment[0] + "/deliver");
		assertThat(delivered.statusCode()).as(delivered.asString()).isEqualTo(200);
		awaitOrder(customer, orderId, "DELIVERED");
		assertThat(customer.authorized().get("/api/orders/" + orderId).jsonPath().getList("history.status"))
			.containsExactly("PENDING", "CONFIRMED", "SHIPPED", "DELIVERED");

		if (!verified) {
			// without the mail sink's API the code cannot be read: the address stays
			// unverified, and the order's e-mails wait for it
			await().atMost(ASYNC)
				.untilAsserted(() -> assertThat(notifications(customer)).containsExactlyInAnyOrder("VERIFY_EMAIL SENT",
						"WELCOME PENDING", "ORDER_CONFIRMED PENDING", "ORDER_DISPATCHED PENDING"));
			System.out.println("[e2e] no -De2e.mailApiUrl: the address stayed unverified, and the e-mails were"
					+ " checked in the notification log only");
			return;
		}
		await().atMost(ASYNC)
			.untilAsserted(() -> assertThat(notifications(customer)).as("one of each")
				.containsExactlyInAnyOrder("VERIFY_EMAIL SENT", "WELCOME SENT", "ORDER_CONFIRMED SENT",
						"ORDER_DISPATCHED SENT"));
		Response log = customer.authorized().get("/api/notifications");
		assertThat(log.jsonPath().getList("content.recipient")).containsOnly(customer.email());

		await().atMost(ASYNC).untilAsserted(() -> {
			List<String> messages = Mailbox.messages(deployment.mailApi().get(), customer.email());
			assertThat(messages).as("verification, welcome, confirmation and dispatch e-mails, once each").hasSize(4);
			assertThat(messages).anySatisfy((mime) -> assertThat(mime).contains("Subject: Welcome to Shopfront"));
			assertThat(messages).anySatisfy((mime) -> assertThat(mime).contains(shipment[1]));
			assertThat(messages).anySatisfy((mime) -> assertThat(mime).contains("49.80").contains(sku));
		});
	}

	/** The customer's notification log, as "TEMPLATE STATUS". */
	private static List<String> notifications(Api.Customer customer) {
		Response log = customer.authorized().get("/api/notifications");
		assertThat(log.statusCode()).as(log.asString()).isEqualTo(200);
		return log.jsonPath()
			.<Map<String, Object>>getList("content")
			.stream()
			.map((n) -> n.get("template") + " " + n.get("status"))
			.toList();
	}

	private static void awaitOrder(Api.Customer customer, String orderId, String status) {
		await().atMost(ASYNC)
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThat(customer.authorized()
				.header("Prefer", "wait=5")
				.get("/api/orders/" + orderId)
				.<String>path("status")).isEqualTo(status));
	}

}
