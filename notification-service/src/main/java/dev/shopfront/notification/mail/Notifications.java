package dev.shopfront.notification.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.shopfront.chassis.tracing.StoredTrace;
import dev.shopfront.notification.mail.MailModel.OrderCancelled;
import dev.shopfront.notification.mail.MailModel.OrderConfirmed;
import dev.shopfront.notification.mail.MailModel.OrderDispatched;
import dev.shopfront.notification.mail.MailModel.VerifyEmail;
import dev.shopfront.notification.mail.MailModel.Welcome;
import dev.shopfront.notification.recipient.Recipient;
import dev.shopfront.notification.recipient.Recipients;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification use cases: what each event means for the customer's mailbox, and the
 * notification log.
 * <p>
 * An event only records its e-mail (PENDING), in the transaction in which the consumer
 * handles it; {@link NotificationSender} sends it later. One e-mail per event and
 * recipient: a notification is unique by its template and what it is about (the user, the
 * order, the shipment), so a redelivered event, or the same event published again under
 * another message id, records nothing new.
 * <p>
 * The recipient is the user's address in the local copy of user data, read when the
 * e-mail goes out. Until the user has verified that address, only its verification code
 * goes to it; everything else waits (PENDING) and goes out once {@code user.updated} says
 * the address is verified. An order event that arrives before the user's data is recorded
 * all the same; its e-mail waits (PENDING, no recipient) until {@code user.registered}
 * arrives, and is then sent. Nothing is retried or parked on the broker for it.
 */
@Service
public class Notifications {

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	private static final String COLUMNS = """
			n.id, n.template, n.user_id, n.order_id, coalesce(n.recipient, r.email) as recipient, n.subject, n.status,
			n.attempts, n.created_at, n.sent_at, n.last_error
			""";

	private static final RowMapper<Notification> NOTIFICATION = Notifications::notification;

	private final JdbcClient jdbc;

	private final Recipients recipients;

	private final MailTemplates templates;

	private final JsonMapper json;

	private final Clock clock;

	Notifications(JdbcClient jdbc, Recipients recipients, MailTemplates templates, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.recipients = recipients;
		this.templates = templates;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * A user registered: keeps their data and welcomes them, once.
	 * @param messageId the event's message id
	 * @param user the user's data
	 * @return whether a welcome e-mail was recorded (false when it was before)
	 */
	@Transactional
	public boolean userRegistered(String messageId, Recipient user) {
		keep(user);
		return record(Template.WELCOME, user.userId(), user.userId(), null, new Welcome(user.userId()), messageId);
	}

	/**
	 * A user's address must be verified: the code is e-mailed to it, once per code. It is
	 * the only e-mail that goes to an address before it is verified.
	 * @param messageId the event's message id
	 * @param userId the user
	 * @param verification the code
	 * @return whether the e-mail was recorded (false when it was before)
	 */
	@Transactional
	public boolean verificationRequested(String messageId, UUID userId, VerifyEmail verification) {
		return record(Template.VERIFY_EMAIL, verification.verificationId(), userId, null, verification, messageId);
	}

	/**
	 * A user changed their data: e-mails not sent yet go to the new address, and those
	 * that waited for the address to be verified go out once it is.
	 * @param user the user's data
	 */
	@Transactional
	public void userUpdated(Recipient user) {
		keep(user);
	}

	/**
	 * An order was confirmed: the customer gets its confirmation, once.
	 * @param messageId the event's message id
	 * @param userId the customer
	 * @param order the order
	 * @return whether the e-mail was recorded (false when it was before)
	 */
	@Transactional
	public boolean orderConfirmed(String messageId, UUID userId, OrderConfirmed order) {
		return record(Template.ORDER_CONFIRMED, order.orderId(), userId, order.orderId(), order, messageId);
	}

	/**
	 * An order was cancelled: the customer is told why, once.
	 * @param messageId the event's message id
	 * @param userId the customer
	 * @param order the order and why
	 * @return whether the e-mail was recorded (false when it was before)
	 */
	@Transactional
	public boolean orderCancelled(String messageId, UUID userId, OrderCancelled order) {
		return record(Template.ORDER_CANCELLED, order.orderId(), userId, order.orderId(), order, messageId);
	}

	/**
	 * A shipment left the warehouse: the customer gets its tracking number, once per
	 * shipment.
	 * @param messageId the event's message id
	 * @param userId the customer
	 * @param shipment the shipment
	 * @return whether the e-mail was recorded (false when it was before)
	 */
	@Transactional
	public boolean orderDispatched(String messageId, UUID userId, OrderDispatched shipment) {
		return record(Template.ORDER_DISPATCHED, shipment.shipmentId(), userId, shipment.orderId(), shipment,
				messageId);
	}

	/**
	 * A page of a user's notification log, newest first.
	 * @param userId the user
	 * @param page the page number, from 0
	 * @param size the page size
	 * @return the page
	 */
	@Transactional(readOnly = true)
	public NotificationPage ofUser(UUID userId, int page, int size) {
		long total = this.jdbc.sql("select count(*) from notifications where user_id = ?")
			.param(userId)
			.query(Long.class)
			.single();
		List<Notification> content = this.jdbc.sql("select " + COLUMNS + """
				 from notifications n left join recipients r on r.user_id = n.user_id
				where n.user_id = ? order by n.created_at desc, n.id desc limit ? offset ?
				""").params(userId, size, (long) page * size).query(NOTIFICATION).list();
		return new NotificationPage(content, page, size, total);
	}

	/**
	 * One notification.
	 * @param id its id
	 * @return the notification, if there is one
	 */
	@Transactional(readOnly = true)
	public Optional<Notification> find(UUID id) {
		return this.jdbc
			.sql("select " + COLUMNS + " from notifications n left join recipients r on r.user_id = n.user_id"
					+ " where n.id = ?")
			.param(id)
			.query(NOTIFICATION)
			.optional();
	}

	private void keep(Recipient user) {
		this.recipients.lock(user.userId()); // see NotificationSender#setAside
		if (!this.recipients.apply(user)) {
			log.debug("Kept the data of user {}: version {} is not newer", user.userId(), user.version());
			return;
		}
		// e-mails set aside to wait for this user's data or address are due again: the
		// sender sends them, or sets them aside again while the address is not verified
		this.jdbc.sql("""
				update notifications set next_attempt_at = ?
				where user_id = ? and status = 'PENDING' and next_attempt_at = 'infinity'
				""").params(Timestamp.from(this.clock.instant()), user.userId()).update();
	}

	private boolean record(Template template, UUID reference, UUID userId, @Nullable UUID orderId, MailModel model,
			String messageId) {
		Instant now = this.clock.instant();
		UUID id = UUID.randomUUID();
		StoredTrace trace = StoredTrace.current(); // the sender continues the event's
													// trace
		boolean recorded = this.jdbc.sql("""
				insert into notifications (id, template, reference, user_id, order_id, subject, model, status,
				                           attempts, next_attempt_at, source_message_id, created_at, traceparent,
				                           tracestate)
				values (?, ?, ?, ?, ?, ?, cast(? as jsonb), 'PENDING', 0, ?, ?, ?, ?, ?)
				on conflict on constraint notifications_once do nothing
				""")
			.params(id, template.name(), reference, userId, orderId, this.templates.subject(template, model),
					this.json.writeValueAsString(model), Timestamp.from(now), messageId, Timestamp.from(now),
					trace.traceparent(), trace.tracestate())
			.update() == 1;
		if (recorded) {
			log.info("Recorded {} notification {} for user {} ({})", template, id, userId, reference);
		}
		else {
			log.info("{} for {} was recorded before: message {} adds nothing", template, reference, messageId);
		}
		return recorded;
	}

	private static Notification notification(ResultSet rs, int row) throws SQLException {
		Timestamp sentAt = rs.getTimestamp("sent_at");
		return new Notification(rs.getObject("id", UUID.class), Template.valueOf(rs.getString("template")),
				rs.getObject("user_id", UUID.class), rs.getObject("order_id", UUID.class), rs.getString("recipient"),
				rs.getString("subject"), NotificationStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
				rs.getTimestamp("created_at").toInstant(), (sentAt != null) ? sentAt.toInstant() : null,
				rs.getString("last_error"));
	}

}
