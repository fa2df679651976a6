package dev.shopfront.notification.mail;

import java.io.UnsupportedEncodingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.shopfront.chassis.tracing.StoredTrace;
import dev.shopfront.notification.config.NotificationProperties;
import dev.shopfront.notification.recipient.Recipients;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the recorded e-mails: every instance polls for due PENDING notifications whose
 * user's data has arrived (and whose address is verified, unless the e-mail is the
 * verification code itself; the others are set aside until the user's data changes),
 * takes one at a time with {@code FOR UPDATE SKIP LOCKED} (so instances share the work
 * and never send the same row at once), renders it, hands it to the SMTP server and marks
 * it SENT, all in one transaction per e-mail.
 * <p>
 * When sending fails, the attempt is counted, its error kept, and the next attempt waits,
 * twice as long as the one before, up to {@code max-backoff}
 * ({@code shopfront.notification.sender.*}). An outage of the server (unreachable, or
 * refusing the login) only delays: the e-mail waits for the server however long it is
 * down. Any other failure (the server refused this message) makes it FAILED once it has
 * had {@code max-attempts} attempts. An e-mail that cannot even be prepared (a malformed
 * address, a broken template) is FAILED at once: trying again cannot help. A round ends
 * at the first server failure, so an outage costs one attempt per round, not one per
 * e-mail. Rows are never deleted; FAILED rows stay for an operator to see.
 * <p>
 * Delivery is at least once, not exactly once: the row is marked SENT after the server
 * accepted the e-mail, in the same transaction, so a crash (or a lost database) between
 * the server's acceptance and the commit leaves the row PENDING and the e-mail is sent
 * again. SMTP has no idempotency key to prevent it; the {@code X-Shopfront-Notification}
 * header lets a mailbox tell the copies apart. Every other repetition (redelivered or
 * republished events, several instances) sends nothing twice.
 */
@Component
class NotificationSender {

	private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

	/** The most e-mails one round sets aside to wait for their addresses. */
	static final int MAX_SET_ASIDE_PER_ROUND = 1000;

	/** Header naming the notification an e-mail was sent for. */
	static final String HEADER = "X-Shopfront-Notification";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JavaMailSender mail;

	private final MailTemplates templates;

	private final JsonMapper json;

	private final Clock clock;

	private final NotificationProperties.Sender settings;

	private final InternetAddress from;

	private final MeterRegistry meters;

	private final String smtpPassword;

	private final Recipients recipients;

	NotificationSender(JdbcClient jdbc, PlatformTransactionManager transactionManager, JavaMailSender mail,
			MailTemplates templates, JsonMapper json, Clock clock, NotificationProperties properties,
			MeterRegistry meters, Environment environment, Recipients recipients) throws AddressException {
		this.jdbc = jdbc;
		this.recipients = recipients;
		this.transactions = new TransactionTemplate(transactionManager);
		this.mail = mail;
		this.templates = templates;
		this.json = json;
		this.clock = clock;
		this.settings = properties.sender();
		this.from = new InternetAddress(properties.from(), true);
		this.meters = meters;
		this.smtpPassword = environment.getProperty("spring.mail.password", "");
	}

	@Scheduled(fixedDelayString = "${shopfront.notification.sender.poll-interval:1s}",
			initialDelayString = "${shopfront.notification.sender.poll-interval:1s}")
	void poll() {
		try {
			sendDue();
		}
		catch (RuntimeException ex) {
			log.warn("Sending notifications failed; the next round tries again: {}", ex.toString());
		}
	}

	/**
	 * One round: sends due e-mails one by one, up to the batch size, until none is due or
	 * the mail server fails. E-mails set aside to wait for their addresses do not count
	 * against the batch (each is set aside once, in a short transaction), so a backlog of
	 * them does not hold up the e-mails behind it; a round sets aside at most
	 * {@value #MAX_SET_ASIDE_PER_ROUND}.
	 * @return how many were sent
	 */
	int sendDue() {
		int sent = 0;
		int attempted = 0;
		int setAside = 0;
		while (attempted < this.settings.batchSize() && setAside < MAX_SET_ASIDE_PER_ROUND) {
			Outcome outcome = this.transactions.execute((status) -> sendNext());
			if (outcome == null || outcome == Outcome.NONE_DUE || outcome == Outcome.RETRY) {
				break;
			}
			if (outcome == Outcome.SET_ASIDE) {
				setAside++;
				continue;
			}
			attempted++;
			if (outcome == Outcome.SENT) {
				sent++;
			}
		}
		return sent;
	}

	private Outcome sendNext() {
		Instant now = this.clock.instant();
		Optional<Due> next = this.jdbc
			.sql("""
					select n.id, n.template, n.model::text, n.attempts, r.email, r.full_name, n.traceparent, n.tracestate,
					       n.user_id, r.user_id is not null and (r.email_verified or n.template = 'VERIFY_EMAIL') as sendable
					from notifications n left join recipients r on r.user_id = n.user_id
					where n.status = 'PENDING' and n.next_attempt_at <= ?
					order by n.next_attempt_at, n.id
					limit 1
					for update of n skip locked
					""")
			.param(Timestamp.from(now))
			// no address or name before the user's data arrives: not sendable then,
			// and set aside before anything reads them
			.query((rs, row) -> new Due(rs.getObject(1, UUID.class), Template.valueOf(rs.getString(2)), rs.getString(3),
					rs.getInt(4), Objects.requireNonNullElse(rs.getString(5), ""),
					Objects.requireNonNullElse(rs.getString(6), ""), new StoredTrace(rs.getString(7), rs.getString(8)),
					rs.getObject(9, UUID.class), rs.getBoolean(10)))
			.optional();
		if (next.isEmpty()) {
			return Outcome.NONE_DUE;
		}
		Due due = next.get();
		if (!due.sendable()) {
			return setAside(due);
		}
		int attempts = due.attempts() + 1;
		MimeMessage message;
		try {
			message = prepare(due);
		}
		catch (RuntimeException | MessagingException | UnsupportedEncodingException ex) {
			String error = "could not prepare the e-mail: " + SendFailures.describe(ex, this.smtpPassword);
			log.error("Notification {} ({}) failed for good: {}", due.id(), due.template(), error);
			failed(due, attempts, error, true, now);
			return Outcome.FAILED;
		}
		// The SMTP exchange as a span of the trace that recorded the e-mail (the order's,
		// for
		// an order e-mail): the agent does not trace JavaMail, and this runs in the
		// poller.
		Span span = tracer().spanBuilder("smtp send")
			.setParent(due.trace().context())
			.setSpanKind(SpanKind.CLIENT)
			.setAttribute("shopfront.notification.id", due.id().toString())
			.setAttribute("shopfront.notification.template", due.template().name())
			.startSpan();
		try (Scope scope = span.makeCurrent()) {
			this.mail.send(message);
		}
		catch (MailException ex) {
			span.setStatus(StatusCode.ERROR, ex.getClass().getSimpleName());
			String error = SendFailures.describe(ex, this.smtpPassword);
			boolean last = attempts >= this.settings.maxAttempts() && !SendFailures.isOutage(ex);
			if (last) {
				log.error("Notification {} ({}) failed after {} attempts, giving up: {}", due.id(), due.template(),
						attempts, error);
			}
			else {
				log.warn("Notification {} ({}) failed (attempt {}), next attempt in {}: {}", due.id(), due.template(),
						attempts, this.settings.backoff(attempts), error);
			}
			failed(due, attempts, error, last, now);
			return Outcome.RETRY;
		}
		finally {
			span.end();
		}
		this.jdbc.sql("""
				update notifications set status = 'SENT', sent_at = ?, recipient = ?, attempts = ?, last_error = null
				where id = ?
				""").params(Timestamp.from(this.clock.instant()), due.email(), attempts, due.id()).update();
		count(due.template(), "sent");
		log.info("Sent notification {} ({}) on attempt {}", due.id(), due.template(), attempts);
		return Outcome.SENT;
	}

	private MimeMessage prepare(Due due) throws MessagingException, UnsupportedEncodingException {
		MailModel model = this.json.readValue(due.model(), due.template().model());
		RenderedMail rendered = this.templates.render(due.template(), model, due.fullName(), due.email());
		InternetAddress to = new InternetAddress(due.email(), due.fullName(), "UTF-8");
		to.validate();
		MimeMessage message = this.mail.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
		helper.setFrom(this.from);
		helper.setTo(to);
		helper.setSubject(rendered.subject());
		helper.setText(rendered.body(), false);
		helper.setSentDate(Date.from(this.clock.instant()));
		message.setHeader(HEADER, due.id().toString());
		// RFC 3834: sent by a machine, not to be answered by another one
		message.setHeader("Auto-Submitted", "auto-generated");
		return message;
	}

	/**
	 * An e-mail whose user's data has not arrived, or whose address is not verified (and
	 * it is not the code that verifies it), waits without a time: {@code next_attempt_at}
	 * becomes {@code infinity}, out of reach of the due query and its index, so that the
	 * e-mails waiting for their addresses cost each round nothing, however many there
	 * are. {@link Notifications} makes them due again when the user's data changes. Both
	 * take the user's lock, so a change committed while this decides is seen here, or
	 * sees the e-mail set aside.
	 */
	private Outcome setAside(Due due) {
		this.recipients.lock(due.userId());
		boolean sendable = this.jdbc.sql("""
				select email_verified or ? from recipients where user_id = ?
				""")
			.params(due.template() == Template.VERIFY_EMAIL, due.userId())
			.query(Boolean.class)
			.optional()
			.orElse(false);
		if (sendable) {
			return Outcome.SET_ASIDE; // the address arrived meanwhile: due as it is
		}
		this.jdbc.sql("update notifications set next_attempt_at = 'infinity' where id = ?").param(due.id()).update();
		log.debug("Notification {} ({}) waits for the address of user {}", due.id(), due.template(), due.userId());
		return Outcome.SET_ASIDE;
	}

	private void failed(Due due, int attempts, String error, boolean last, Instant now) {
		this.jdbc.sql("""
				update notifications set status = ?, attempts = ?, last_error = ?, recipient = ?, next_attempt_at = ?
				where id = ?
				""")
			.params(last ? NotificationStatus.FAILED.name() : NotificationStatus.PENDING.name(), attempts, error,
					due.email(), Timestamp.from(now.plus(this.settings.backoff(attempts))), due.id())
			.update();
		count(due.template(), last ? "failed" : "retry");
	}

	private void count(Template template, String outcome) {
		this.meters.counter("shopfront.notifications", "template", template.name(), "outcome", outcome).increment();
	}

	private enum Outcome {

		NONE_DUE, SENT, RETRY, FAILED, SET_ASIDE

	}

	/** A notification due to be sent, with its recipient's current data. */
	private static Tracer tracer() {
		return GlobalOpenTelemetry.getTracer("dev.shopfront.notification");
	}

	private record Due(UUID id, Template template, String model, int attempts, String email, String fullName,
			StoredTrace trace, UUID userId, boolean sendable) {
	}

}
