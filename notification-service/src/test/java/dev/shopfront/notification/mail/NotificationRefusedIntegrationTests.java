package dev.shopfront.notification.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.shopfront.testsupport.ServiceIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A mail server that answers but refuses the message (550 for the recipient): the e-mail
 * is tried {@code max-attempts} times, with a growing wait between attempts, and then
 * given up: FAILED, with the server's answer, kept, never sent.
 */
@SpringBootTest(properties = { "shopfront.notification.sender.poll-interval=50ms",
		"shopfront.notification.sender.initial-backoff=100ms", "shopfront.notification.sender.max-backoff=400ms",
		"shopfront.notification.sender.max-attempts=4" })
class NotificationRefusedIntegrationTests extends ServiceIntegrationTest {

	static final RefusingSmtpServer server = new RefusingSmtpServer();

	@DynamicPropertySource
	static void refusingServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", server::port);
	}

	@AfterAll
	static void stopServer() {
		server.stop();
	}

	@Test
	void givesUpAfterTheLastAttemptAndKeepsTheNotification() {
		UUID user = UUID.randomUUID();
		OneUser.registers(this.rabbit, user, "barbara@example.test", "Barbara Liskov");

		await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(row(user).get("status")));
		Map<String, @Nullable Object> failed = row(user);
		assertThat(failed).containsEntry("attempts", 4).containsEntry("recipient", "barbara@example.test");
		assertThat(failed.get("sent_at")).isNull();
		assertThat((String) failed.get("last_error"))
			.startsWith("mail server refused the message: 550 5.1.1 no such mailbox");
		assertThat(server.refused.get()).as("the server was asked once per attempt").isEqualTo(4);
	}

	private Map<String, @Nullable Object> row(UUID user) {
		return OneUser.notification(this.jdbc, user);
	}

	/** Speaks just enough SMTP to refuse every recipient. */
	static final class RefusingSmtpServer {

		final AtomicInteger refused = new AtomicInteger();

		private final ServerSocket socket;

		RefusingSmtpServer() {
			try {
				this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Thread.ofVirtual().start(this::accept);
		}

		int port() {
			return this.socket.getLocalPort();
		}

		void stop() {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}

		private void accept() {
			while (!this.socket.isClosed()) {
				try {
					Socket connection = this.socket.accept();
					Thread.ofVirtual().start(() -> converse(connection));
				}
				catch (IOException ex) {
					return; // closed
				}
			}
		}

		private void converse(Socket connection) {
			try (connection;
					BufferedReader in = new BufferedReader(
							new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
					Writer out = new OutputStreamWriter(connection.getOutputStream(), StandardCharsets.US_ASCII)) {
				reply(out, "220 refusing.test ESMTP");
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					String command = line.toUpperCase(Locale.ROOT);
					if (command.startsWith("EHLO") || command.startsWith("HELO")) {
						reply(out, "250 refusing.test");
					}
					else if (command.startsWith("RCPT")) {
						this.refused.incrementAndGet();
						reply(out, "550 5.1.1 no such mailbox");
					}
					else if (command.startsWith("QUIT")) {
						reply(out, "221 bye");
						return;
					}
					else if (command.startsWith("MAIL") || command.startsWith("RSET") || command.startsWith("NOOP")) {
						reply(out, "250 ok");
					}
					else {
						reply(out, "502 not here");
					}
				}
			}
			catch (IOException ex) {
				// the client hung up
			}
		}

		private static void reply(Writer out, String line) throws IOException {
			out.write(line + "\r\n");
			out.flush();
		}

	}

}
