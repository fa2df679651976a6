package dev.shopfront.user.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shopfront.testsupport.EventSchemas;
import dev.shopfront.user.UserServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * What user-service publishes: {@code user.registered} and {@code user.updated} on
 * {@code user.events}, with the CloudEvents envelope in AMQP headers and data that the
 * schemas in docs/events/schemas/ accept.
 */
class UserEventsIntegrationTests extends UserServiceIntegrationTest {

	private static final String QUEUE = "user-service-test.user-events";

	private final ObjectMapper json = new ObjectMapper();

	@Autowired
	RabbitAdmin admin;

	@Autowired
	RabbitTemplate rabbit;

	@BeforeEach
	void listen() {
		Queue queue = new Queue(QUEUE, false, false, false);
		this.admin.declareQueue(queue);
		this.admin.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange("user.events")).with("user.*"));
	}

	@Test
	void announcesRegistrationsAndProfileChangesAsTheSchemasSay() throws Exception {
		String email = uniqueEmail();
		String id = register(email);
		Message registered = next(id, "user.registered");
		assertEnvelope(registered, "user.registered", id);
		JsonNode data = validData(registered, "user.registered");
		assertThat(data.get("userId").asText()).isEqualTo(id);
		assertThat(data.get("email").asText()).isEqualTo(email);
		assertThat(data.get("version").asLong()).isZero();
		assertThat(data.get("shippingAddress").isNull()).isTrue();
		assertThat(data.get("emailVerified").asBoolean()).isFalse();

		api().auth()
			.oauth2(accessToken(email))
			.body(Map.of("shippingAddress",
					Map.of("line1", "Main St 1", "city", "Berlin", "postalCode", "10115", "country", "DE")))
			.patch("/api/users/me")
			.then()
			.statusCode(200);
		Message updated = next(id, "user.updated");
		assertEnvelope(updated, "user.updated", id);
		JsonNode changed = validData(updated, "user.updated");
		assertThat(changed.get("version").asLong()).isOne();
		assertThat(changed.get("shippingAddress").get("city").asText()).isEqualTo("Berlin");
	}

	@Test
	void verifiesTheAddressWithTheCodeItSendsAndAnnouncesIt() throws Exception {
		String email = uniqueEmail();
		String id = register(email);
		Message requested = next(id, "user.email-verification-requested");
		assertEnvelope(requested, "user.email-verification-requested", id);
		JsonNode verification = validData(requested, "user.email-verification-requested");
		assertThat(verification.get("email").asText()).isEqualTo(email);
		String token = verification.get("token").asText();
		String access = accessToken(email);
		api().auth().oauth2(access).get("/api/users/me").then().body("emailVerified", equalTo(false));

		assertProblem(api().body(Map.of("token", "not-the-code")).post("/api/users/verify-email").then(), 400,
				"invalid-verification-token");
		api().body(Map.of("token", token)).post("/api/users/verify-email").then().statusCode(204);
		api().auth().oauth2(access).get("/api/users/me").then().body("emailVerified", equalTo(true));
		JsonNode verified = validData(next(id, "user.updated"), "user.updated");
		assertThat(verified.get("emailVerified").asBoolean()).isTrue();
		assertThat(verified.get("version").asLong()).isOne();
		// a code is used once; a verified address needs no new one
		assertProblem(api().body(Map.of("token", token)).post("/api/users/verify-email").then(), 400,
				"invalid-verification-token");
		assertProblem(api().auth().oauth2(access).post("/api/users/me/verification-email").then(), 409,
				"email-already-verified");
	}

	@Test
	void aNewCodeEndsTheOldOneAndIsNotSentTwiceInAMoment() throws Exception {
		String email = uniqueEmail();
		String id = register(email);
		String first = validData(next(id, "user.email-verification-requested"), "user.email-verification-requested")
			.get("token")
			.asText();
		String access = accessToken(email);
		assertProblem(api().auth().oauth2(access).post("/api/users/me/verification-email").then(), 429,
				"verification-recently-sent")
			.header("Retry-After", org.hamcrest.Matchers.matchesPattern("\\d+"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api().auth().oauth2(access).post("/api/users/me/verification-email").statusCode() == 202);
		String second = validData(next(id, "user.email-verification-requested"), "user.email-verification-requested")
			.get("token")
			.asText();
		assertThat(second).isNotEqualTo(first);
		assertProblem(api().body(Map.of("token", first)).post("/api/users/verify-email").then(), 400,
				"invalid-verification-token");
		api().body(Map.of("token", second)).post("/api/users/verify-email").then().statusCode(204);
	}

	@Test
	void theBootstrapAdministratorsAddressNeedsNoVerification() {
		String access = accessToken("admin@test.local", "admin-password-123");
		api().auth().oauth2(access).get("/api/users/me").then().body("emailVerified", equalTo(true));
	}

	@Test
	void theSchemasRefuseDataThatBreaksThem() {
		assertThat(EventSchemas.violations("user.registered", 1,
				"{\"userId\": \"not-a-uuid\", \"email\": \"x\", \"fullName\": \"\"}"))
			.isNotEmpty();
	}

	private Message next(String subject, String type) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			Message message = this.rabbit.receive(QUEUE, 1000);
			if (message != null
					&& subject.equals(message.getMessageProperties().getHeaders().get("cloudEvents:subject"))
					&& type.equals(message.getMessageProperties().getHeaders().get("cloudEvents:type"))) {
				return message;
			}
		}
		throw new AssertionError("no " + type + " about " + subject);
	}

	private static void assertEnvelope(Message message, String type, String subject) {
		Map<String, Object> headers = message.getMessageProperties().getHeaders();
		assertThat(headers).containsEntry("cloudEvents:specversion", "1.0")
			.containsEntry("cloudEvents:type", type)
			.containsEntry("cloudEvents:source", "/shopfront/user-service")
			.containsEntry("cloudEvents:subject", subject)
			.containsEntry("cloudEvents:dataschema", "https://shopfront.dev/events/" + type + "/v1")
			.containsKeys("cloudEvents:id", "cloudEvents:time");
		assertThat(message.getMessageProperties().getMessageId()).isEqualTo(headers.get("cloudEvents:id"));
		assertThat(message.getMessageProperties().getReceivedRoutingKey()).isEqualTo(type);
	}

	private JsonNode validData(Message message, String type) throws IOException {
		EventSchemas.assertValid(type, 1, new String(message.getBody(), StandardCharsets.UTF_8));
		return this.json.readTree(message.getBody());
	}

}
