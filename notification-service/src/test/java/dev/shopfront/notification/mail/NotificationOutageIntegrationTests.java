package dev.shopfront.notification.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.shopfront.testsupport.JwtMinter;
import dev.shopfront.testsupport.ServiceIntegrationTest;
import io.restassured.RestAssured;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * An outage of the mail server never gives an e-mail up: with no server at all it is
 * tried again and again, past {@code max-attempts}, with a growing wait between attempts
 * (up to {@code max-backoff}), stays PENDING with its last error shown in the log, and
 * goes out once when a server comes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "shopfront.notification.sender.poll-interval=50ms",
				"shopfront.notification.sender.initial-backoff=100ms",
				"shopfront.notification.sender.max-backoff=400ms", "shopfront.notification.sender.max-attempts=4" })
class NotificationOutageIntegrationTests extends ServiceIntegrationTest {

	static int closedPort;

	@DynamicPropertySource
	static void noMailServer(DynamicPropertyRegistry registry) {
		// a port nothing listens on: every connection is refused
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
			registry.add("spring.mail.port", () -> closedPort);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void anOutageLongerThanEveryAttemptOnlyDelaysTheEmail() throws Exception {
		UUID user = UUID.randomUUID();
		OneUser.registers(this.rabbit, user, "rosalind@example.test", "Rosalind Franklin");

		// max-attempts is 4: twice that many attempts, and it still waits
		await().atMost(Duration.ofSeconds(30)).until(() -> attempts(user) >= 8);
		Map<String, @Nullable Object> waiting = row(user);
		assertThat(waiting).containsEntry("status", "PENDING").containsEntry("recipient", "rosalind@example.test");
		assertThat(waiting.get("sent_at")).isNull();
		assertThat((String) waiting.get("last_error")).startsWith("mail server unreachable (ConnectException");
		// the waits grew: 100 + 200 + 400 + 400 ... ms at least between the first and
		// the last attempt
		assertThat(Duration.between(((Timestamp) waiting.get("created_at")).toInstant(),
				((Timestamp) waiting.get("next_attempt_at")).toInstant()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(100 + 200 + 400 * 6));

		RestAssured.given()
			.port(this.port)
			.auth()
			.oauth2(JwtMinter.shared().customer(user))
			.get("/api/notifications")
			.then()
			.statusCode(200)
			.body("content[0].status", equalTo("PENDING"))
			.body("content[0].lastError", startsWith("mail server unreachable"));

		GreenMail server = new GreenMail(new ServerSetup(closedPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		try {
			await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(row(user).get("status")));
			assertThat(server.getReceivedMessages()).hasSize(1);
			assertThat(server.getReceivedMessages()[0].getSubject()).isEqualTo("Welcome to Shopfront");
			assertThat(row(user).get("last_error")).isNull();
		}
		finally {
			server.stop();
		}
	}

	private int attempts(UUID user) {
		Object attempts = row(user).get("attempts");
		return (attempts != null) ? (Integer) attempts : 0;
	}

	private Map<String, @Nullable Object> row(UUID user) {
		return OneUser.notification(this.jdbc, user);
	}

}
