package dev.shopfront.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.shopfront.testsupport.ServiceIntegrationTest;
import dev.shopfront.testsupport.TestEvents;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.amqp.core.Message;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * notification-service on a random port against its own fresh database and virtual host,
 * sending to a GreenMail SMTP server on a free port. It takes events the way their
 * producers publish them (CloudEvents binary mode on {@code user.events},
 * {@code order.events}, {@code shipping.events}), each checked against its schema. Every
 * integration test class of this context extends this, so they share one context; the
 * mail server starts before each class and stops after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "shopfront.notification.sender.poll-interval=100ms",
				"shopfront.notification.sender.initial-backoff=200ms", "shopfront.notification.sender.max-backoff=1s",
				"shopfront.notification.sender.max-attempts=30",
				"shopfront.chassis.messaging.consumer.retry-delays=100ms,200ms" })
public abstract class NotificationServiceIntegrationTest extends ServiceIntegrationTest {

	/** The SMTP port of this context, the same for every class that shares it. */
	protected static final int SMTP_PORT = freePort();

	@RegisterExtension
	protected static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	/**
	 * An event as its producer's outbox relay sends it, checked against its schema.
	 * @param type the event type, e.g. {@code order.confirmed}
	 * @param subject the CloudEvents subject
	 * @param data the data
	 * @return the message
	 */
	protected Message event(String type, UUID subject, Map<String, ?> data) {
		return TestEvents.message(type, subject, data);
	}

	/**
	 * An event whose data need not keep to its schema.
	 * @param type the event type
	 * @param subject the CloudEvents subject
	 * @param data the data
	 * @return the message
	 */
	protected Message brokenEvent(String type, UUID subject, Map<String, ?> data) {
		return TestEvents.unchecked(type, subject, data);
	}

	/**
	 * Publishes an event on its exchange, with its type as the routing key.
	 * @param event the event
	 */
	protected void publish(Message event) {
		String type = event.getMessageProperties().getType();
		this.rabbit.send(TestEvents.exchange(type), type, event);
	}

	protected Message userRegistered(UUID userId, String email, String fullName, long version) {
		return event("user.registered", userId, user(userId, email, fullName, version));
	}

	protected Message userUpdated(UUID userId, String email, String fullName, long version) {
		return event("user.updated", userId, user(userId, email, fullName, version));
	}

	/** Publishes {@code user.registered} for a new user. */
	protected void register(UUID userId, String email, String fullName) {
		publish(userRegistered(userId, email, fullName, 1));
	}

	/**
	 * Publishes {@code user.registered} for a new user with a new id.
	 * @return the user's id
	 */
	protected UUID registered(String email, String fullName) {
		UUID userId = UUID.randomUUID();
		register(userId, email, fullName);
		return userId;
	}

	protected Message orderConfirmed(UUID orderId, UUID userId) {
		return event("order.confirmed", orderId,
				TestEvents.fields("orderId", orderId, "userId", userId, "items",
						List.of(TestEvents.fields("sku", "MUG-001", "quantity", 2, "unitPrice", "12.50"),
								TestEvents.fields("sku", "TEE-BLK-M", "quantity", 1, "unitPrice", "19.99")),
						"total", "44.99", "currency", "EUR", "shippingAddress",
						TestEvents.fields("line1", "Hauptstraße 5", "line2", "2. Stock", "city", "Berlin", "postalCode",
								"10115", "country", "DE"),
						"confirmedAt", Instant.now().toString()));
	}

	protected Message orderCancelled(UUID orderId, UUID userId, String reason) {
		return event("order.cancelled", orderId, TestEvents.fields("orderId", orderId, "userId", userId, "reason",
				reason, "cancelledAt", Instant.now().toString()));
	}

	protected Message shipmentDispatched(UUID shipmentId, UUID orderId, UUID userId, String trackingNumber) {
		return event("shipment.dispatched", orderId, TestEvents.fields("shipmentId", shipmentId, "orderId", orderId,
				"userId", userId, "trackingNumber", trackingNumber, "dispatchedAt", Instant.now().toString()));
	}

	/** A fresh address, so tests never see each other's e-mails. */
	protected static String address(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	/**
	 * The e-mails GreenMail received for an address so far.
	 * @param address the address
	 * @return them, in the order they arrived
	 */
	protected static List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((mail) -> {
			try {
				Address[] to = mail.getRecipients(RecipientType.TO);
				return to != null && Arrays.stream(to)
					.anyMatch((recipient) -> ((InternetAddress) recipient).getAddress().equalsIgnoreCase(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/**
	 * Waits until an address received at least this many e-mails.
	 * @param address the address
	 * @param count how many
	 * @return them, in the order they arrived
	 */
	protected static List<MimeMessage> awaitMails(String address, int count) {
		await().atMost(WAIT).until(() -> mailsTo(address).size() >= count);
		return mailsTo(address);
	}

	protected static String body(MimeMessage mail) {
		try {
			return ((String) mail.getContent()).replace("\r\n", "\n");
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected static @Nullable String header(MimeMessage mail, String name) {
		try {
			return mail.getHeader(name, ",");
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The stored notifications of a user, oldest first, as maps of their columns.
	 * @param userId the user
	 * @return the rows
	 */
	protected List<Map<String, @Nullable Object>> rows(UUID userId) {
		return this.jdbc.sql("select * from notifications where user_id = ? order by created_at, id")
			.param(userId)
			.query()
			.listOfRows();
	}

	/**
	 * Waits until a user has no notification waiting to be sent.
	 * @param userId the user
	 */
	protected void awaitNothingPending(UUID userId) {
		await().atMost(WAIT)
			.until(() -> this.jdbc.sql("select count(*) from notifications where user_id = ? and status = 'PENDING'")
				.param(userId)
				.query(Long.class)
				.single() == 0);
	}

	private static Map<String, @Nullable Object> user(UUID userId, String email, String fullName, long version) {
		return user(userId, email, fullName, true, version);
	}

	protected static Map<String, @Nullable Object> user(UUID userId, String email, String fullName,
			boolean emailVerified, long version) {
		return TestEvents.fields("userId", userId, "email", email, "emailVerified", emailVerified, "fullName", fullName,
				"shippingAddress", null, "version", version);
	}

	/**
	 * A TCP port nothing listens on now.
	 * @return the port
	 */
	protected static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
