package dev.shopfront.notification.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.shopfront.chassis.messaging.EventEnvelope;
import dev.shopfront.testsupport.JwtMinter;
import dev.shopfront.testsupport.WithTestServers;
import io.restassured.RestAssured;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * With no mail server at all, an e-mail is tried {@code max-attempts} times, with a
 * growing wait between attempts, and then given up: FAILED, with its last error, kept and
 * shown in the log, never sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "shopfront.notification.sender.poll-interval=50ms",
				"shopfront.notification.sender.initial-backoff=100ms",
				"shopfront.notification.sender.max-backoff=400ms", "shopfront.notification.sender.max-attempts=4" })
@WithTestServers
class NotificationGiveUpIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RabbitTemplate rabbit;

	@DynamicPropertySource
	static void noMailServer(DynamicPropertyRegistry registry) {
		// a port nothing listens on: every connection is refused
		try (ServerSocket socket = new ServerSocket(0)) {
			int closed = socket.getLocalPort();
			registry.add("spring.mail.port", () -> closed);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void givesUpAfterTheLastAttemptAndKeepsTheNotification() {
		UUID user = UUID.randomUUID();
		Map<String, @Nullable Object> data = new LinkedHashMap<>();
		data.put("userId", user);
		data.put("email", "rosalind@example.test");
		data.put("fullName", "Rosalind Franklin");
		data.put("shippingAddress", null);
		data.put("version", 1);
		this.rabbit.send("user.events", "user.registered",
				EventEnvelope.of("user.registered", 1, "/shopfront/user-service", user.toString())
					.toMessage(JsonMapper.builder().build().writeValueAsBytes(data)));

		await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(row(user).get("status")));
		Map<String, @Nullable Object> failed = row(user);
		assertThat(failed).containsEntry("attempts", 4).containsEntry("recipient", "rosalind@example.test");
		assertThat(failed.get("sent_at")).isNull();
		assertThat((String) failed.get("last_error")).startsWith("mail server unreachable (ConnectException");
		// the waits grew: 100 + 200 + 400 ms at least between the first and the last
		// attempt
		assertThat(Duration.between(((Timestamp) failed.get("created_at")).toInstant(),
				((Timestamp) failed.get("next_attempt_at")).toInstant()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(1100));

		RestAssured.given()
			.port(this.port)
			.auth()
			.oauth2(JwtMinter.shared().customer(user))
			.get("/api/notifications")
			.then()
			.statusCode(200)
			.body("content[0].status", equalTo("FAILED"))
			.body("content[0].attempts", equalTo(4))
			.body("content[0].lastError", startsWith("mail server unreachable"));
	}

	private Map<String, @Nullable Object> row(UUID user) {
		return this.jdbc.sql("select * from notifications where user_id = ?")
			.param(user)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(Map.of());
	}

}
