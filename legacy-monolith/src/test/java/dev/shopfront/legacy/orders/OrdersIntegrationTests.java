package dev.shopfront.legacy.orders;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.shopfront.testsupport.JwtMinter;
import dev.shopfront.testsupport.WithTestServers;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The monolith's orders on real PostgreSQL and a GreenMail SMTP server: one request takes
 * the stock, confirms the order, records and sends its e-mail; a short item takes
 * nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithTestServers(broker = false)
class OrdersIntegrationTests {

	/** Below Linux's ephemeral ports, apart from the other suites' ports. */
	static final int SMTP_PORT = 27025;

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	private RequestSpecification api() {
		return RestAssured.given().port(this.port).contentType(ContentType.JSON);
	}

	private String product(int stock) {
		String sku = "O-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		api().auth()
			.oauth2(JwtMinter.shared().admin())
			.body(Map.of("sku", sku, "name", "Order Lamp", "price", "12.50", "currency", "EUR", "stock", stock))
			.post("/api/products")
			.then()
			.statusCode(201);
		return sku;
	}

	@Test
	void placesConfirmsAndEmailsAnOrderInOneRequest() throws Exception {
		String sku = product(5);
		UUID customer = UUID.randomUUID();
		String token = JwtMinter.shared().customer(customer, "buyer@legacy.example");
		String id = api().auth()
			.oauth2(token)
			.body(Map.of("items", List.of(Map.of("sku", sku, "quantity", 2))))
			.post("/api/orders")
			.then()
			.statusCode(201)
			.body("status", equalTo("CONFIRMED"))
			.body("total", equalTo("25.00"))
			.body("items[0].unitPrice", equalTo("12.50"))
			.extract()
			.path("id");
		api().get("/api/products/" + sku).then().body("available", equalTo(3));
		api().auth()
			.oauth2(token)
			.get("/api/orders/" + id)
			.then()
			.statusCode(200)
			.body("items[0].quantity", equalTo(2));
		api().auth()
			.oauth2(JwtMinter.shared().customer(UUID.randomUUID(), "other@legacy.example"))
			.get("/api/orders/" + id)
			.then()
			.statusCode(404)
			.body("type", equalTo("https://shopfront.dev/problems/order-not-found"));

		await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length > 0);
		MimeMessage mail = smtp.getReceivedMessages()[0];
		assertThat(mail.getAllRecipients()[0]).hasToString("buyer@legacy.example");
		assertThat(mail.getSubject()).contains(id.substring(0, 8)).contains("confirmed");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "SENT".equals(this.jdbc.sql("select status from notifications where order_id = ?")
				.param(UUID.fromString(id))
				.query(String.class)
				.single()));
	}

	@Test
	void aShortItemOrAnUnknownProductTakesNothing() {
		String plenty = product(10);
		String scarce = product(1);
		String token = JwtMinter.shared().customer(UUID.randomUUID(), "short@legacy.example");
		api().auth()
			.oauth2(token)
			.body(Map.of("items", List.of(Map.of("sku", plenty, "quantity", 3), Map.of("sku", scarce, "quantity", 2))))
			.post("/api/orders")
			.then()
			.statusCode(409)
			.body("type", equalTo("https://shopfront.dev/problems/insufficient-stock"));
		api().get("/api/products/" + plenty).then().body("available", equalTo(10));
		api().auth()
			.oauth2(token)
			.body(Map.of("items", List.of(Map.of("sku", "NO-SUCH-SKU", "quantity", 1))))
			.post("/api/orders")
			.then()
			.statusCode(422)
			.body("type", equalTo("https://shopfront.dev/problems/unknown-product"));
		api().auth()
			.oauth2(JwtMinter.shared().customer(UUID.randomUUID()))
			.body(Map.of("items", List.of(Map.of("sku", plenty, "quantity", 1))))
			.post("/api/orders")
			.then()
			.statusCode(422)
			.body("type", equalTo("https://shopfront.dev/problems/email-required"));
		api().auth()
			.oauth2(JwtMinter.shared().admin())
			.body(Map.of("items", List.of(Map.of("sku", plenty, "quantity", 1))))
			.post("/api/orders")
			.then()
			.statusCode(403);
	}

}
