package dev.shopfront.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole journey through the gateway: a customer registers (welcome e-mail), orders,
 * the order is confirmed and gets a shipment, an administrator dispatches it (the order
 * is SHIPPED, the customer gets the tracking number by e-mail) and delivers it
 * (DELIVERED). The e-mails are checked in the notification log and, where the mail sink's
 * web API is known ({@code ./shop}'s GreenMail, or {@code -De2e.mailApiUrl}), in the SMTP
 * server.
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

		await().atMost(ASYNC).untilAsserted(() -> {
			Response log = customer.authorized().get("/api/notifications");
			assertThat(log.statusCode()).as(log.asString()).isEqualTo(200);
			List<Map<String, Object>> sent = log.jsonPath().getList("content");
			assertThat(sent).as("one of each, a new customer has no others")
				.extracting((n) -> n.get("template"))
				.containsExactlyInAnyOrder("WELCOME", "ORDER_CONFIRMED", "ORDER_DISPATCHED");
			assertThat(sent).allSatisfy((n) -> {
				assertThat(n.get("recipient")).isEqualTo(customer.email());
				assertThat(n.get("status")).isEqualTo("SENT");
			});
		});

		if (deployment.mailApi().isEmpty()) {
			System.out.println("[e2e] no -De2e.mailApiUrl: the e-mails were checked in the notification log only");
			return;
		}
		URI mailApi = deployment.mailApi().get();
		await().atMost(ASYNC).untilAsserted(() -> {
			Response inbox = RestAssured.given()
				.baseUri(mailApi.toString())
				.urlEncodingEnabled(false)
				.get("/api/user/" + URLEncoder.encode(customer.email(), StandardCharsets.UTF_8) + "/messages/INBOX");
			assertThat(inbox.statusCode()).as(inbox.asString()).isEqualTo(200);
			// quoted-printable soft line breaks may split a word
			List<String> messages = inbox.jsonPath()
				.<String>getList("mimeMessage")
				.stream()
				.map((mime) -> mime.replace("=\r\n", "").replace("=\n", ""))
				.toList();
			assertThat(messages).as("welcome, confirmation and dispatch e-mails, once each").hasSize(3);
			assertThat(messages).anySatisfy((mime) -> assertThat(mime).contains("Subject: Welcome to Shopfront"));
			assertThat(messages).anySatisfy((mime) -> assertThat(mime).contains(shipment[1]));
			assertThat(messages).anySatisfy((mime) -> assertThat(mime).contains("49.80").contains(sku));
		});
	}

	private static void awaitOrder(Api.Customer customer, String orderId, String status) {
		await().atMost(ASYNC)
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThat(customer.authorized().get("/api/orders/" + orderId).<String>path("status"))
				.isEqualTo(status));
	}

}
