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
		Message registered = next(id);
		assertEnvelope(registered, "user.registered", id);
		JsonNode data = validData(registered, "user.registered");
		assertThat(data.get("userId").asText()).isEqualTo(id);
		assertThat(data.get("email").asText()).isEqualTo(email);
		assertThat(data.get("version").asLong()).isZero();
		assertThat(data.get("shippingAddress").isNull()).isTrue();

		api().auth()
			.oauth2(accessToken(email))
			.body(Map.of("shippingAddress",
					Map.of("line1", "Main St 1", "city", "Berlin", "postalCode", "10115", "country", "DE")))
			.patch("/api/users/me")
			.then()
			.statusCode(200);
		Message updated = next(id);
		assertEnvelope(updated, "user.updated", id);
		JsonNode changed = validData(updated, "user.updated");
		assertThat(changed.get("version").asLong()).isOne();
		assertThat(changed.get("shippingAddress").get("city").asText()).isEqualTo("Berlin");
	}

	@Test
	void theSchemasRefuseDataThatBreaksThem() {
		assertThat(EventSchemas.violations("user.registered", 1,
				"{\"userId\": \"not-a-uuid\", \"email\": \"x\", \"fullName\": \"\"}"))
			.isNotEmpty();
	}

	private Message next(String subject) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			Message message = this.rabbit.receive(QUEUE, 1000);
			if (message != null
					&& subject.equals(message.getMessageProperties().getHeaders().get("cloudEvents:subject"))) {
				return message;
			}
		}
		throw new AssertionError("no event about " + subject);
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
