package dev.shopfront.notification.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.shopfront.notification.NotificationServiceIntegrationTest;
import dev.shopfront.notification.recipient.Recipient;
import dev.shopfront.notification.recipient.Recipients;
import dev.shopfront.testsupport.TestEvents;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * notification-service takes events from the broker and e-mails the customer through
 * SMTP: welcome, order confirmed, cancelled (with the reason in words), dispatched (with
 * the tracking number); one e-mail per event and recipient, whatever is redelivered or
 * published twice; an order that comes before its user waits for the user; an unverified
 * address gets only its verification code; an SMTP outage only delays; several senders at
 * once send each e-mail once.
 */
class NotificationMailIntegrationTests extends NotificationServiceIntegrationTest {

	@Autowired
	NotificationSender sender;

	@Autowired
	Notifications notifications;

	@Autowired
	Recipients recipients;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void keepsTheTraceOfTheEventThatRecordedAnEmailForItsSending() {
		UUID user = UUID.randomUUID();
		SpanContext event = SpanContext.createFromRemoteParent("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
				TraceFlags.getSampled(), TraceState.getDefault());
		try (Scope scope = Context.root().with(Span.wrap(event)).makeCurrent()) {
			assertThat(this.notifications.userRegistered(UUID.randomUUID().toString(),
					new Recipient(user, address("trace"), "Trace Reader", false, 1)))
				.isTrue();
		}
		assertThat(this.jdbc.sql("select traceparent from notifications where user_id = ?")
			.param(user)
			.query(String.class)
			.single()).isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
	}

	@Test
	void welcomesANewUserOnceByName() throws Exception {
		UUID user = UUID.randomUUID();
		String email = address("ada");
		Message registered = userRegistered(user, email, "Ada Lovelace", 1);
		publish(registered);
		publish(registered);
		publish(userRegistered(user, email, "Ada Lovelace", 1));

		MimeMessage welcome = awaitMails(email, 1).get(0);
		assertThat(subject(welcome)).isEqualTo("Welcome to Shopfront");
		assertThat(body(welcome)).startsWith("Hello Ada Lovelace,\n").contains("sign in with " + email);
		assertThat(welcome.getFrom()).containsExactly(new InternetAddress("Shopfront <shop@shopfront.example>"));
		assertThat(((InternetAddress) welcome.getAllRecipients()[0]).getPersonal()).isEqualTo("Ada Lovelace");
		assertThat(header(welcome, "Auto-Submitted")).isEqualTo("auto-generated");

		awaitHandled();
		awaitNothingPending(user);
		assertThat(mailsTo(email)).hasSize(1);
		List<Map<String, @Nullable Object>> rows = rows(user);
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).containsEntry("template", "WELCOME")
			.containsEntry("status", "SENT")
			.containsEntry("attempts", 1)
			.containsEntry("recipient", email)
			.containsEntry("source_message_id", registered.getMessageProperties().getMessageId());
		assertThat(rows.get(0).get("sent_at")).isNotNull();
		assertThat(header(welcome, "X-Shopfront-Notification")).isEqualTo(rows.get(0).get("id").toString());
	}

	@Test
	void anUnverifiedAddressGetsNothingButItsVerificationCodeUntilItIsVerified() throws Exception {
		UUID user = UUID.randomUUID();
		String email = address("unverified");
		publish(event("user.registered", user, user(user, email, "Grace Hopper", false, 0)));
		UUID verificationId = UUID.randomUUID();
		Message requested = event("user.email-verification-requested", user,
				TestEvents.fields("verificationId", verificationId, "userId", user, "email", email, "fullName",
						"Grace Hopper", "token", "the-secret-code-0123456789", "expiresAt", "2099-01-01T10:00:00Z"));
		publish(requested);
		publish(requested);
		UUID order = UUID.randomUUID();
		publish(orderConfirmed(order, user));

		MimeMessage verification = awaitMails(email, 1).get(0);
		assertThat(subject(verification)).isEqualTo("Confirm your e-mail address for Shopfront");
		assertThat(body(verification)).startsWith("Hello Grace Hopper,\n")
			.contains("the-secret-code-0123456789")
			.contains("2099-01-01 10:00 UTC")
			.contains("http://localhost:8080/api/users/verify-email");
		// the welcome and the order's confirmation wait for the address
		await().during(java.time.Duration.ofSeconds(2))
			.atMost(java.time.Duration.ofSeconds(5))
			.until(() -> mailsTo(email).size() == 1);
		assertThat(rows(user)).extracting((row) -> row.get("template") + " " + row.get("status"))
			.containsExactlyInAnyOrder("VERIFY_EMAIL SENT", "WELCOME PENDING", "ORDER_CONFIRMED PENDING");
		awaitSetAside(user, 2);

		publish(event("user.updated", user, user(user, email, "Grace Hopper", true, 1)));
		List<MimeMessage> all = awaitMails(email, 3);
		assertThat(all).extracting((mail) -> subject(mail))
			.contains("Welcome to Shopfront")
			.anyMatch((subject) -> subject.contains(order.toString().substring(0, 8).toUpperCase()));
		awaitNothingPending(user);
	}

	@Test
	void confirmsAnOrderOnceWhateverIsRedeliveredOrPublishedAgain() {
		String email = address("grace");
		UUID user = registered(email, "Grace Hopper");
		UUID order = UUID.randomUUID();
		Message confirmed = orderConfirmed(order, user);
		publish(confirmed);
		publish(confirmed);
		publish(confirmed);
		// the same event once more under another message id (a producer that publishes
		// twice)
		publish(orderConfirmed(order, user));
		publish(orderConfirmed(order, user));

		MimeMessage confirmation = awaitMails(email, 2).stream()
			.filter((mail) -> subject(mail).contains("confirmed"))
			.findFirst()
			.orElseThrow();
		String shortId = order.toString().substring(0, 8).toUpperCase();
		assertThat(subject(confirmation)).isEqualTo("Your Shopfront order " + shortId + " is confirmed");
		assertThat(body(confirmation)).startsWith("Hello Grace Hopper,\n")
			.containsPattern("MUG-001 +2 +12\\.50 EUR +25\\.00 EUR")
			.containsPattern("TEE-BLK-M +1 +19\\.99 EUR +19\\.99 EUR")
			.contains("Total: 44.99 EUR")
			.contains("  Hauptstraße 5\n  2. Stock\n  10115 Berlin\n  DE")
			.contains("Order number: " + order);

		awaitHandled();
		awaitNothingPending(user);
		assertThat(mailsTo(email)).extracting(NotificationServiceIntegrationTest::subject)
			.containsExactlyInAnyOrder("Welcome to Shopfront", "Your Shopfront order " + shortId + " is confirmed");
		assertThat(rows(user)).extracting((row) -> row.get("template"))
			.containsExactlyInAnyOrder("WELCOME", "ORDER_CONFIRMED"); // two queues:
																		// either may be
																		// first
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					PAYMENT_DECLINED    | your payment was declined.                                          | Your card was not charged.
					PAYMENT_TIMEOUT     | we did not receive the confirmation of your payment in time.        | the amount is refunded
					CUSTOMER_REQUEST    | you asked us to cancel it.                                          | the amount is refunded
					RESERVATION_EXPIRED | we could not hold the items for you until the payment was complete. | the amount is refunded
					""")
	void tellsWhyAnOrderWasCancelled(String reason, String words, String refund) {
		String email = address("alan");
		UUID user = registered(email, "Alan Turing");
		UUID order = UUID.randomUUID();
		Message cancelled = orderCancelled(order, user, reason);
		publish(cancelled);
		publish(cancelled);

		MimeMessage mail = awaitMails(email, 2).stream()
			.filter((sent) -> subject(sent).contains("cancelled"))
			.findFirst()
			.orElseThrow();
		assertThat(subject(mail))
			.isEqualTo("Your Shopfront order " + order.toString().substring(0, 8).toUpperCase() + " was cancelled");
		assertThat(body(mail)).contains("was cancelled: " + words).contains(refund).doesNotContain(reason);
		awaitNothingPending(user);
		assertThat(mailsTo(email)).hasSize(2);
	}

	@Test
	void tellsTheTrackingNumberOfADispatchedOrderOnce() {
		String email = address("linus");
		UUID user = registered(email, "Linus Torvalds");
		UUID order = UUID.randomUUID();
		UUID shipment = UUID.randomUUID();
		Message dispatched = shipmentDispatched(shipment, order, user, "SF7K2M9Q4X1B");
		publish(dispatched);
		publish(dispatched);
		publish(shipmentDispatched(shipment, order, user, "SF7K2M9Q4X1B"));

		MimeMessage mail = awaitMails(email, 2).stream()
			.filter((sent) -> subject(sent).contains("on its way"))
			.findFirst()
			.orElseThrow();
		assertThat(body(mail)).contains("Tracking number: SF7K2M9Q4X1B").contains("Order number: " + order);
		awaitHandled();
		awaitNothingPending(user);
		assertThat(mailsTo(email)).hasSize(2);
		assertThat(rows(user)).filteredOn((row) -> "ORDER_DISPATCHED".equals(row.get("template")))
			.singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("order_id", order).containsEntry("reference", shipment));
	}

	@Test
	void anOrderThatComesBeforeItsUserWaitsForTheUser() {
		UUID user = UUID.randomUUID();
		String email = address("barbara");
		UUID order = UUID.randomUUID();
		publish(orderConfirmed(order, user));
		await().atMost(WAIT).until(() -> rows(user).size() == 1);
		awaitHandled();
		Map<String, @Nullable Object> waiting = rows(user).get(0);
		assertThat(waiting).containsEntry("status", "PENDING").containsEntry("attempts", 0);
		assertThat(waiting.get("recipient")).isNull();
		assertThat(this.notifications.find((UUID) waiting.get("id")).orElseThrow().recipient()).isNull();
		awaitSetAside(user, 1);

		register(user, email, "Barbara Liskov");
		List<MimeMessage> mails = awaitMails(email, 2);
		assertThat(mails).extracting(NotificationServiceIntegrationTest::subject)
			.containsExactlyInAnyOrder("Welcome to Shopfront",
					"Your Shopfront order " + order.toString().substring(0, 8).toUpperCase() + " is confirmed");
		awaitNothingPending(user);
		assertThat(rows(user)).allSatisfy((row) -> assertThat(row).containsEntry("recipient", email));
	}

	@Test
	void emailsWaitingForTheirAddressesLeaveTheDueOnesAndHoldNothingUp() {
		List<UUID> unknown = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			UUID user = UUID.randomUUID();
			unknown.add(user);
			publish(orderConfirmed(UUID.randomUUID(), user));
		}
		String email = address("edsger");
		UUID known = registered(email, "Edsger Dijkstra");
		UUID order = UUID.randomUUID();
		publish(orderConfirmed(order, known));
		awaitMails(email, 2);
		// every round used to read all of them again, and find them unsendable again:
		// now each is set aside once, out of the due query's reach
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.jdbc.sql("""
				select count(*) from notifications
				where user_id = any(?) and status = 'PENDING' and next_attempt_at = 'infinity'
				""").param(unknown.toArray(UUID[]::new)).query(Long.class).single()).isEqualTo(30));
		assertThat(this.jdbc.sql("""
				select count(*) from notifications
				where user_id = any(?) and (status <> 'PENDING' or attempts > 0 or next_attempt_at <= now())
				""").param(unknown.toArray(UUID[]::new)).query(Long.class).single()).isZero();
		// the user's data arrives: that user's e-mail is due again, and goes out
		UUID first = unknown.get(0);
		String late = address("late");
		register(first, late, "Late Arrival");
		awaitMails(late, 2);
		awaitNothingPending(first);
	}

	@Test
	void emailsGoToTheNewestAddressWhateverOrderTheUserEventsComeIn() {
		UUID user = UUID.randomUUID();
		String first = address("old");
		String newest = address("newest");
		String older = address("older");
		publish(userUpdated(user, newest, "Edsger Dijkstra", 3));
		publish(userRegistered(user, first, "Edsger Dijkstra", 1));
		publish(userUpdated(user, older, "Edsger W. Dijkstra", 2));
		UUID order = UUID.randomUUID();
		publish(orderConfirmed(order, user));

		awaitMails(newest, 2);
		awaitNothingPending(user);
		assertThat(this.recipients.find(user).orElseThrow().email()).isEqualTo(newest);
		assertThat(mailsTo(newest)).hasSize(2)
			.allSatisfy((mail) -> assertThat(body(mail)).startsWith("Hello Edsger Dijkstra,"));
		assertThat(mailsTo(first)).isEmpty();
		assertThat(mailsTo(older)).isEmpty();
	}

	@Test
	void anSmtpOutageOnlyDelaysTheEmailWhichThenGoesOutOnce() {
		UUID user = UUID.randomUUID();
		String email = address("margaret");
		smtp.stop();
		try {
			register(user, email, "Margaret Hamilton");
			await().atMost(WAIT).until(() -> {
				List<Map<String, @Nullable Object>> rows = rows(user);
				return rows.size() == 1 && ((Integer) rows.get(0).get("attempts")) >= 3;
			});
			Map<String, @Nullable Object> failing = rows(user).get(0);
			assertThat(failing).containsEntry("status", "PENDING").containsEntry("recipient", email);
			assertThat(failing.get("sent_at")).isNull();
			assertThat((String) failing.get("last_error")).startsWith("mail server unreachable (")
				.doesNotContain("127.0.0.1")
				.doesNotContain("Exception:\n");
			assertThat(this.notifications.find((UUID) failing.get("id")).orElseThrow().lastError())
				.isEqualTo(failing.get("last_error"));
		}
		finally {
			smtp.start();
		}
		awaitMails(email, 1);
		awaitNothingPending(user);
		Map<String, @Nullable Object> sent = rows(user).get(0);
		assertThat(sent).containsEntry("status", "SENT");
		assertThat((Integer) sent.get("attempts")).isGreaterThanOrEqualTo(4);
		assertThat(sent.get("last_error")).isNull();
		assertThat(mailsTo(email)).hasSize(1);
	}

	@Test
	void anAddressThatCannotBeAnAddressFailsAtOnceAndIsKept() {
		UUID user = UUID.randomUUID();
		publish(brokenEvent("user.registered", user, TestEvents.fields("userId", user, "email", "not an address",
				"emailVerified", true, "fullName", "Nobody", "shippingAddress", null, "version", 1)));
		await().atMost(WAIT).until(() -> rows(user).size() == 1 && "FAILED".equals(rows(user).get(0).get("status")));
		Map<String, @Nullable Object> failed = rows(user).get(0);
		assertThat(failed).containsEntry("attempts", 1);
		assertThat((String) failed.get("last_error")).startsWith("could not prepare the e-mail: ");
	}

	@Test
	void severalSendersAtOnceSendEachEmailOnce() throws Exception {
		List<UUID> users = new ArrayList<>();
		List<String> emails = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			users.add(UUID.randomUUID());
			emails.add(address("user" + i));
		}
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Future<Integer>> senders = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				// four more senders besides the scheduled one, all at once, until every
				// e-mail of this test is out
				senders.add(executor.submit(() -> {
					go.await();
					int sent = 0;
					do {
						sent += this.sender.sendDue();
					}
					while (pendingOf(users) > 0);
					return sent;
				}));
			}
			// thirty e-mails due at once
			new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
				for (int i = 0; i < 30; i++) {
					this.notifications.userRegistered(UUID.randomUUID().toString(),
							new Recipient(users.get(i), emails.get(i), "User " + i, true, 1));
				}
			});
			go.countDown();
			for (Future<Integer> sender : senders) {
				sender.get(WAIT.toSeconds(), TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		for (int i = 0; i < 30; i++) {
			assertThat(mailsTo(emails.get(i))).as("e-mails to %s", emails.get(i)).hasSize(1);
			assertThat(rows(users.get(i))).singleElement()
				.satisfies((row) -> assertThat(row).containsEntry("status", "SENT").containsEntry("attempts", 1));
		}
	}

	@Test
	void eventsThatBreakTheirContractAreParked() {
		UUID user = UUID.randomUUID();
		UUID order = UUID.randomUUID();
		Message noItems = brokenEvent("order.confirmed", order,
				TestEvents.fields("orderId", order, "userId", user, "total", "1.00", "currency", "EUR",
						"shippingAddress",
						TestEvents.fields("line1", "x", "city", "y", "postalCode", "1", "country", "DE"), "confirmedAt",
						"2026-01-01T00:00:00Z"));
		Message noUser = brokenEvent("shipment.dispatched", order, TestEvents.fields("shipmentId", UUID.randomUUID(),
				"orderId", order, "trackingNumber", "SF0000000000", "dispatchedAt", "2026-01-01T00:00:00Z"));
		publish(noItems);
		publish(noUser);
		assertThat(String
			.valueOf(awaitParked("notification.order-events.dlq", noItems.getMessageProperties().getMessageId())
				.getMessageProperties()
				.getHeaders()
				.get("x-shopfront-error")))
			.contains("items is missing");
		assertThat(String
			.valueOf(awaitParked("notification.shipment-events.dlq", noUser.getMessageProperties().getMessageId())
				.getMessageProperties()
				.getHeaders()
				.get("x-shopfront-error")))
			.contains("userId is missing");
		assertThat(rows(user)).isEmpty();
	}

	private long pendingOf(List<UUID> users) {
		return this.jdbc.sql("select count(*) from notifications where status = 'PENDING' and user_id in (:users)")
			.param("users", users)
			.query(Long.class)
			.single();
	}

	/**
	 * Waits until the sender has set aside this many of the user's e-mails to wait for
	 * the user's data or address ({@code next_attempt_at} {@code infinity}, out of the
	 * due query's reach).
	 */
	private void awaitSetAside(UUID user, int count) {
		await().atMost(WAIT)
			.until(() -> this.jdbc
				.sql("select count(*) from notifications where user_id = ? and status = 'PENDING' "
						+ "and next_attempt_at = 'infinity'")
				.param(user)
				.query(Long.class)
				.single(), equalTo((long) count));
	}

	/**
	 * Publishes a marker event on each queue and waits for its notification: every event
	 * published before it (to the one consumer of each queue, in order) has been handled
	 * by then.
	 */
	private void awaitHandled() {
		UUID marker = UUID.randomUUID();
		UUID order = UUID.randomUUID();
		publish(userRegistered(marker, address("marker"), "Marker", 1));
		publish(orderCancelled(order, marker, "CUSTOMER_REQUEST"));
		publish(shipmentDispatched(UUID.randomUUID(), order, marker, "SF0000000000"));
		await().atMost(WAIT).until(() -> rows(marker).size() == 3);
	}

}
