package dev.shopfront.payment.charge;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.shopfront.chassis.messaging.Outbox;
import dev.shopfront.chassis.metrics.Committed;
import dev.shopfront.payment.charge.PaymentExceptions.PaymentsNotFound;
import dev.shopfront.payment.charge.PaymentExceptions.RefundMismatch;
import dev.shopfront.payment.charge.PaymentExceptions.UnknownPayment;
import dev.shopfront.payment.charge.PaymentRequests.Authorize;
import dev.shopfront.payment.charge.events.PaymentAuthorizedV1;
import dev.shopfront.payment.charge.events.PaymentDeclinedV1;
import dev.shopfront.payment.charge.events.PaymentRefundedV1;
import dev.shopfront.payment.provider.CardBrand;
import dev.shopfront.payment.provider.Charge;
import dev.shopfront.payment.provider.Coded;
import dev.shopfront.payment.provider.DeclineReason;
import dev.shopfront.payment.provider.PaymentProvider;
import dev.shopfront.payment.provider.ProviderDecision;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment use cases: authorise an order's payment, refund it, show an order's
 * payments. Each command is answered through the outbox in the transaction that records
 * its outcome.
 * <p>
 * An order is charged at most once. Commands for one order are taken one at a time (a
 * transaction-scoped advisory lock on the order id, which holds across instances); a
 * command for an order that has a payment is answered with that payment again, without
 * asking the provider. The database has the last word: a partial unique index allows one
 * successful payment per order, and a payment that would be a second one is not written;
 * the command is answered with the one there is.
 */
@Service
public class Payments {

	private static final Logger log = LoggerFactory.getLogger(Payments.class);

	/**
	 * First key of the advisory locks taken per order (the second is the order's hash).
	 */
	private static final int ORDER_LOCKS = 0x7061_7900;

	private static final String COLUMNS = """
			p.id, p.order_id, p.user_id, p.status, p.amount, p.currency, p.card_brand, p.decline_reason,
			p.created_at, r.id as refund_id, r.amount as refund_amount, r.currency as refund_currency,
			r.reason as refund_reason, r.created_at as refund_created_at
			""";

	private static final RowMapper<Payment> PAYMENT = Payments::payment;

	private final JdbcClient jdbc;

	private final PaymentProvider provider;

	private final Outbox outbox;

	private final MeterRegistry meters;

	private final Clock clock;

	Payments(JdbcClient jdbc, PaymentProvider provider, Outbox outbox, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.provider = provider;
		this.outbox = outbox;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Authorises the payment of an order, once: the first command asks the provider and
	 * records the outcome; any later one finds it. Either way the outcome is published,
	 * {@code payment.authorized} or {@code payment.declined}, with the payment's id.
	 * @param request what to charge
	 * @return the order's payment
	 */
	@Transactional
	public Payment authorize(Authorize request) {
		UUID orderId = request.orderId();
		this.jdbc.sql("select 1 from pg_advisory_xact_lock(?, hashtext(?))")
			.params(ORDER_LOCKS, orderId.toString())
			.query(Integer.class)
			.single();
		Optional<Payment> existing = decided(orderId);
		if (existing.isPresent()) {
			Payment payment = existing.get();
			if (!payment.isFor(request.amount(), request.currency())) {
				log.warn("Order {} has payment {} of another amount already: answering with it, charging nothing",
						orderId, payment.id());
			}
			else {
				log.info("Order {} has payment {} ({}) already: answering with it", orderId, payment.id(),
						payment.status());
			}
			return answer(payment);
		}
		ProviderDecision decision = this.provider
			.authorize(new Charge(orderId, request.amount(), request.currency(), request.card()));
		// microseconds, as PostgreSQL keeps them: the payment written may answer as it is
		Payment decided = Payment.decide(request, decision, this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		int written = this.jdbc.sql("""
				insert into payments (id, order_id, user_id, status, amount, currency, card_brand, decline_reason,
				                      created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (order_id) where status in ('AUTHORIZED', 'REFUNDED') do nothing
				""")
			.params(decided.id(), orderId, decided.userId(), decided.status().name(), decided.amount(),
					decided.currency(), decided.cardBrand().code(),
					(decided.declineReason() != null) ? decided.declineReason().code() : null,
					Timestamp.from(decided.createdAt()), Timestamp.from(decided.createdAt()))
			.update();
		// what the order's payment is now: this one, or one another writer got in first.
		// An approval that was written is the order's one successful payment (the partial
		// unique index): no need to read it back. A decline is always written, and yields
		// to a success written meanwhile: read what there is.
		Payment payment = (written == 1 && decided.status().authorized()) ? decided : decided(orderId).orElseThrow();
		if (!payment.id().equals(decided.id())) {
			log.warn("Order {} got payment {} ({}) meanwhile: answering with it, not with a second one", orderId,
					payment.id(), payment.status());
		}
		else {
			log.info("Order {}: payment {} {} ({}{})", orderId, decided.id(), decided.status(), decision.brand().code(),
					(decision.declineReason() != null) ? ", " + decision.declineReason().code() : "");
			count(decided.status().name(),
					(decision.declineReason() != null) ? decision.declineReason().code() : "none");
		}
		return answer(payment);
	}

	/** Counts a payment's outcome once its transaction commits. */
	private void count(String status, String reason) {
		Committed.then(() -> this.meters
			.counter("shopfront.payments", "outcome", status.toLowerCase(Locale.ROOT), "reason", reason)
			.increment());
	}

	/**
	 * Refunds a payment in full, once: AUTHORIZED → REFUNDED with one refund, announced
	 * by {@code payment.refunded}. A payment refunded before, or declined, stays as it is
	 * and nothing is published.
	 * @param request the refund
	 * @return the refund made, or empty when nothing changed
	 * @throws UnknownPayment when there is no such payment (the message is retried, then
	 * parked)
	 * @throws RefundMismatch when the refund names another order, amount or currency
	 */
	@Transactional
	public Optional<Refund> refund(PaymentRequests.Refund request) {
		Payment payment = find(request.paymentId()).orElseThrow(() -> {
			log.warn("Refund of unknown payment {} (order {}): failing it, so it is retried and then parked",
					request.paymentId(), request.orderId());
			return new UnknownPayment(request.paymentId(), request.orderId());
		});
		Optional<Payment> refunded = payment.refund(request, this.clock.instant());
		// the conditional update: of two refunds of one payment at once, one moves it
		if (refunded.isEmpty() || this.jdbc
			.sql("update payments set status = 'REFUNDED', updated_at = ? where id = ? and status = 'AUTHORIZED'")
			.params(Timestamp.from(this.clock.instant()), payment.id())
			.update() == 0) {
			log.info("Refund of payment {} (order {}) changes nothing: it is {}", payment.id(), payment.orderId(),
					payment.status());
			return Optional.empty();
		}
		Refund refund = Objects.requireNonNull(refunded.get().refund());
		this.jdbc.sql("""
				insert into refunds (id, payment_id, amount, currency, reason, created_at)
				values (?, ?, ?, ?, ?, ?)
				""")
			.params(refund.id(), payment.id(), refund.amount(), refund.currency(), refund.reason(),
					Timestamp.from(refund.createdAt()))
			.update();
		this.outbox.publish(PaymentRefundedV1.TYPE, payment.orderId().toString(), new PaymentRefundedV1(
				payment.orderId(), payment.id(), refund.id(), decimal(refund.amount()), refund.currency()));
		log.info("Order {}: payment {} refunded ({}) as refund {}", payment.orderId(), payment.id(), refund.reason(),
				refund.id());
		count("REFUNDED", "none");
		return Optional.of(refund);
	}

	/**
	 * The payments of an order, oldest first, with their refunds.
	 * @param orderId the order
	 * @param subject who asks (the token's subject)
	 * @param administrator whether the caller is an administrator, who sees every order's
	 * @return the payments; empty when the order has none
	 * @throws PaymentsNotFound when the order has payments, but not the caller's
	 */
	@Transactional(readOnly = true)
	public List<Payment> ofOrder(UUID orderId, String subject, boolean administrator) {
		List<Payment> payments = this.jdbc.sql("select " + COLUMNS
				+ " from payments p left join refunds r on r.payment_id = p.id where p.order_id = ? order by p.created_at, p.id")
			.param(orderId)
			.query(PAYMENT)
			.list();
		if (administrator) {
			return payments;
		}
		List<Payment> own = payments.stream().filter((payment) -> payment.belongsTo(subject)).toList();
		if (own.isEmpty() && !payments.isEmpty()) {
			throw new PaymentsNotFound(orderId);
		}
		return own;
	}

	/**
	 * One payment.
	 * @param id its id
	 * @return the payment, if there is one
	 */
	@Transactional(readOnly = true)
	public Optional<Payment> find(UUID id) {
		return this.jdbc
			.sql("select " + COLUMNS + " from payments p left join refunds r on r.payment_id = p.id where p.id = ?")
			.param(id)
			.query(PAYMENT)
			.optional();
	}

	/** The order's payment that answers an authorisation: the successful one first. */
	private Optional<Payment> decided(UUID orderId) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from payments p left join refunds r on r.payment_id = p.id where p.order_id = ?
				order by p.status in ('AUTHORIZED', 'REFUNDED') desc, p.created_at, p.id limit 1
				""").param(orderId).query(PAYMENT).optional();
	}

	/**
	 * Publishes the outcome of an authorisation: authorised (refunded since or not) or
	 * declined.
	 */
	private Payment answer(Payment payment) {
		String subject = payment.orderId().toString();
		if (payment.status().authorized()) {
			this.outbox.publish(PaymentAuthorizedV1.TYPE, subject, new PaymentAuthorizedV1(payment.orderId(),
					payment.id(), decimal(payment.amount()), payment.currency()));
		}
		else {
			this.outbox.publish(PaymentDeclinedV1.TYPE, subject, new PaymentDeclinedV1(payment.orderId(), payment.id(),
					Objects.requireNonNull(payment.declineReason()).code()));
		}
		return payment;
	}

	private static String decimal(BigDecimal amount) {
		return amount.setScale(2).toPlainString();
	}

	private static Payment payment(ResultSet rs, int row) throws SQLException {
		UUID refundId = rs.getObject("refund_id", UUID.class);
		Refund refund = (refundId != null)
				? new Refund(refundId, rs.getBigDecimal("refund_amount"), rs.getString("refund_currency"),
						rs.getString("refund_reason"), rs.getTimestamp("refund_created_at").toInstant())
				: null;
		String declineReason = rs.getString("decline_reason");
		return new Payment(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
				rs.getObject("user_id", UUID.class), PaymentStatus.valueOf(rs.getString("status")),
				rs.getBigDecimal("amount"), rs.getString("currency"),
				Coded.of(CardBrand.class, rs.getString("card_brand")),
				(declineReason != null) ? Coded.of(DeclineReason.class, declineReason) : null,
				rs.getTimestamp("created_at").toInstant(), refund);
	}

}
