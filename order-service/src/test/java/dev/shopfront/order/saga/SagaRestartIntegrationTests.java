package dev.shopfront.order.saga;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import dev.shopfront.order.FakeParticipants;
import dev.shopfront.order.OrderServiceApplication;
import dev.shopfront.order.PaymentServiceDouble;
import dev.shopfront.testsupport.AnotherInstance;
import dev.shopfront.testsupport.JwtMinter;
import dev.shopfront.testsupport.TestBroker;
import dev.shopfront.testsupport.TestDatabase;
import dev.shopfront.testsupport.TestServers;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The saga survives its service: an order-service instance is stopped while two sagas
 * wait for payment, a reply arrives while no instance runs, and a new instance finishes
 * both sagas: one confirmed by the reply that waited in its queue, one cancelled when its
 * payment deadline (set by the first instance) passes.
 */
class SagaRestartIntegrationTests {

	private final TestServers servers = TestServers.get();

	private final FakeParticipants participants = new FakeParticipants();

	private TestDatabase database;

	private TestBroker broker;

	private CachingConnectionFactory connections;

	private PaymentServiceDouble payment;

	private final UUID customer = UUID.randomUUID();

	@BeforeEach
	void servers() {
		this.database = this.servers.createDatabase();
		this.broker = this.servers.createVirtualHost();
		this.connections = new CachingConnectionFactory(this.broker.host(), this.broker.port());
		this.connections.setUsername(this.broker.username());
		this.connections.setPassword(this.broker.password());
		this.connections.setVirtualHost(this.broker.virtualHost());
	}

	@AfterEach
	void cleanUp() {
		if (this.payment != null) {
			this.payment.close();
		}
		this.participants.stop();
		this.connections.destroy();
		this.servers.deleteVirtualHost(this.broker);
		this.servers.dropDatabase(this.database);
	}

	private ConfigurableApplicationContext start() {
		// on this test's database and virtual host, never the shop's
		return new SpringApplicationBuilder(OrderServiceApplication.class)
			.run(AnotherInstance.arguments(this.database, this.broker, "--shopfront.chassis.logging.json=false",
					"--shopfront.order.inventory.url=" + this.participants.url(),
					"--shopfront.order.user-service-url=" + this.participants.url(),
					"--spring.security.oauth2.client.registration.user-service.client-secret=test-secret",
					"--shopfront.order.payment-timeout=4s", "--shopfront.order.sweeper.interval=200ms"));
	}

	/**
	 * Waits until the order, as an administrator reads it from the instance on this port,
	 * has left PENDING.
	 */
	private static ValidatableResponse awaitOrder(int port, UUID orderId) {
		Supplier<RequestSpecification> admin = () -> RestAssured.given()
			.port(port)
			.auth()
			.oauth2(JwtMinter.shared().admin());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !"PENDING".equals(admin.get().get("/api/orders/{id}", orderId).path("status")));
		return admin.get().get("/api/orders/{id}", orderId).then();
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private UUID place(int port) {
		Response response = RestAssured.given()
			.port(port)
			.contentType(ContentType.JSON)
			.auth()
			.oauth2(JwtMinter.shared().customer(this.customer))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.body("""
					{"items": [{"sku": "BOOK-0001", "quantity": 1}], "payment": {"cardToken": "tok_visa"},
					 "shippingAddress": {"line1": "1 Main Street", "city": "Springfield", "postalCode": "12345",
					                     "country": "DE"}}""")
			.post("/api/orders");
		response.then().statusCode(201);
		return UUID.fromString(response.path("id"));
	}

	@Test
	void aRestartedServiceFinishesEverySagaItLeftWaiting() {
		UUID paid;
		UUID unpaid;
		try (ConfigurableApplicationContext first = start()) {
			this.payment = new PaymentServiceDouble(new RabbitTemplate(this.connections));
			paid = place(port(first));
			unpaid = place(port(first));
			this.payment.nextCommand(paid, "payment.authorize");
			this.payment.nextCommand(unpaid, "payment.authorize");
		}
		// no order-service runs now: the reply waits in order-service's durable queue
		this.payment.authorized(paid, UUID.randomUUID());

		try (ConfigurableApplicationContext second = start()) {
			int port = port(second);
			awaitOrder(port, paid).body("status", equalTo("CONFIRMED"));
			awaitOrder(port, unpaid).body("status", equalTo("CANCELLED")).body("reason", equalTo("PAYMENT_TIMEOUT"));
			this.payment.nextOrderEvent(paid, "order.confirmed");
			this.payment.nextOrderEvent(unpaid, "order.cancelled");
		}
	}

}
