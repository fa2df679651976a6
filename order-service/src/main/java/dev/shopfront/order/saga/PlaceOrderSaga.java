package dev.shopfront.order.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.shopfront.order.lifecycle.CancelReason;
import org.jspecify.annotations.Nullable;

/**
 * The state of the saga that places one order, and its decisions. Each method takes one
 * thing that happened (a reply, a timeout, a customer's cancel), moves the saga on and
 * returns what must be done about it; it knows nothing of Spring, HTTP or the broker, so
 * every transition and compensation is unit-tested without them. {@link PlaceOrderSagas}
 * stores it in plain SQL, over the version it was read at.
 *
 * <pre>
 * RESERVING ──reserved──► AWAITING_PAYMENT ──authorized──► DONE (CONFIRMED)
 *     │                        ├──declined / timeout / expired / cancel──► DONE (CANCELLED)
 *     └──refused / unavailable─► DONE (REJECTED)
 * DONE, not paid  ──late authorized──► refund it
 * DONE, paid      ──customer cancel──► CANCELLED + refund
 * </pre>
 */
public class PlaceOrderSaga {

	private final UUID orderId;

	private Step step;

	private Payment payment;

	private @Nullable UUID paymentId;

	private @Nullable String cardToken;

	private @Nullable Instant paymentDeadline;

	private final Instant startedAt;

	private Instant updatedAt;

	/** What {@link PlaceOrderSagas} last read or wrote: null until the saga is stored. */
	private @Nullable Stored stored;

	/**
	 * A saga for a new order, about to reserve its stock.
	 * @param orderId the order
	 * @param cardToken the card to charge, kept until the authorisation is requested
	 * @param now the time
	 */
	public PlaceOrderSaga(UUID orderId, String cardToken, Instant now) {
		this.orderId = orderId;
		this.step = Step.RESERVING;
		this.payment = Payment.NONE;
		this.cardToken = cardToken;
		this.startedAt = now;
		this.updatedAt = now;
	}

	/** A saga as stored ({@link PlaceOrderSagas}). */
	PlaceOrderSaga(UUID orderId, Step step, Payment payment, @Nullable UUID paymentId, @Nullable String cardToken,
			@Nullable Instant paymentDeadline, Instant startedAt, Instant updatedAt, long version) {
		this.orderId = orderId;
		this.step = step;
		this.payment = payment;
		this.paymentId = paymentId;
		this.cardToken = cardToken;
		this.paymentDeadline = paymentDeadline;
		this.startedAt = startedAt;
		this.updatedAt = updatedAt;
		stored(version);
	}

	/**
	 * inventory-service reserved the stock: ask payment-service to authorise the amount
	 * and wait for its answer until the deadline.
	 * @param now the time
	 * @param paymentTimeout how long to wait
	 * @return price the order, request the authorisation (with the card token, which the
	 * saga forgets)
	 */
	public List<Action> reserved(Instant now, Duration paymentTimeout) {
		if (this.step != Step.RESERVING) {
			return List.of();
		}
		String token = Objects.requireNonNull(this.cardToken, "card token");
		this.step = Step.AWAITING_PAYMENT;
		this.paymentDeadline = now.plus(paymentTimeout);
		this.cardToken = null;
		this.updatedAt = now;
		return List.of(new Action.RequestAuthorization(token));
	}

	/**
	 * The order cannot be placed (short stock, unknown product, inventory unreachable):
	 * nothing was charged, nothing to compensate.
	 * @param reason why
	 * @param now the time
	 * @return reject the order
	 */
	public List<Action> refused(CancelReason reason, Instant now) {
		if (this.step != Step.RESERVING) {
			return List.of();
		}
		finish(now);
		this.cardToken = null;
		return List.of(new Action.RejectOrder(reason));
	}

	/**
	 * payment-service authorised the amount.
	 * @param paymentId the authorisation
	 * @param now the time
	 * @return confirm the order while it waits for payment; refund an authorisation that
	 * comes after the order was cancelled, or that is not the one the order kept
	 */
	public List<Action> authorized(UUID paymentId, Instant now) {
		if (this.step == Step.AWAITING_PAYMENT) {
			finish(now);
			this.payment = Payment.AUTHORIZED;
			this.paymentId = paymentId;
			return List.of(new Action.ConfirmOrder());
		}
		if (paymentId.equals(this.paymentId)) {
			return List.of(); // the same authorisation again
		}
		if (this.step == Step.DONE && this.payment != Payment.AUTHORIZED && this.paymentId == null) {
			// too late: the order was cancelled (timeout, customer) or rejected meanwhile
			this.payment = Payment.REFUND_REQUESTED;
			this.paymentId = paymentId;
			this.updatedAt = now;
			return List.of(new Action.RequestRefund(paymentId, "LATE_AUTHORIZATION"));
		}
		// a second, different authorisation for the same order: give it back
		return List.of(new Action.RequestRefund(paymentId, "DUPLICATE_AUTHORIZATION"));
	}

	/**
	 * payment-service declined the card.
	 * @param now the time
	 * @return cancel the order (inventory releases the stock), or nothing when the saga
	 * had already ended
	 */
	public List<Action> declined(Instant now) {
		if (this.step != Step.AWAITING_PAYMENT) {
			return List.of();
		}
		finish(now);
		this.payment = Payment.DECLINED;
		return List.of(new Action.CancelOrder(CancelReason.PAYMENT_DECLINED));
	}

	/**
	 * The sweeper's look at the clock.
	 * @param now the time
	 * @return cancel the order when its payment did not come in time
	 */
	public List<Action> checkDeadline(Instant now) {
		if (this.step != Step.AWAITING_PAYMENT || this.paymentDeadline == null || now.isBefore(this.paymentDeadline)) {
			return List.of();
		}
		finish(now);
		return List.of(new Action.CancelOrder(CancelReason.PAYMENT_TIMEOUT));
	}

	/**
	 * inventory-service released the stock before the order was paid.
	 * @param now the time
	 * @return cancel the order, or nothing once the saga has ended
	 */
	public List<Action> reservationExpired(Instant now) {
		if (this.step != Step.AWAITING_PAYMENT) {
			return List.of();
		}
		finish(now);
		return List.of(new Action.CancelOrder(CancelReason.RESERVATION_EXPIRED));
	}

	/**
	 * The customer cancels (the order itself refuses once shipped).
	 * @param now the time
	 * @return cancel the order, and refund it when it was paid
	 * @throws PlacementInProgressException while the stock is still being reserved
	 */
	public List<Action> cancelRequested(Instant now) {
		return switch (this.step) {
			case RESERVING -> throw new PlacementInProgressException(this.orderId);
			case AWAITING_PAYMENT -> {
				finish(now);
				yield List.of(new Action.CancelOrder(CancelReason.CUSTOMER_REQUEST));
			}
			case DONE -> {
				if (this.payment == Payment.AUTHORIZED) {
					this.payment = Payment.REFUND_REQUESTED;
					this.updatedAt = now;
					yield List.of(new Action.CancelOrder(CancelReason.CUSTOMER_REQUEST),
							new Action.RequestRefund(Objects.requireNonNull(this.paymentId), "CUSTOMER_REQUEST"));
				}
				yield List.of(new Action.CancelOrder(CancelReason.CUSTOMER_REQUEST));
			}
		};
	}

	/**
	 * payment-service refunded a payment.
	 * @param paymentId the payment
	 * @param now the time
	 * @return note the refund on the order, once
	 */
	public List<Action> refunded(UUID paymentId, Instant now) {
		if (this.payment != Payment.REFUND_REQUESTED || !paymentId.equals(this.paymentId)) {
			return List.of();
		}
		this.payment = Payment.REFUNDED;
		this.updatedAt = now;
		return List.of(new Action.NoteRefund());
	}

	/**
	 * Whether a saga still reserving has been at it long enough that its request must
	 * have died with its instance.
	 * @param now the time
	 * @param staleAfter how long a live request may take
	 * @return true when the sweeper should resume it
	 */
	public boolean isStaleReservation(Instant now, Duration staleAfter) {
		return this.step == Step.RESERVING && !now.isBefore(this.updatedAt.plus(staleAfter));
	}

	private void finish(Instant now) {
		this.step = Step.DONE;
		this.updatedAt = now;
	}

	public UUID orderId() {
		return this.orderId;
	}

	public Step step() {
		return this.step;
	}

	public Payment payment() {
		return this.payment;
	}

	public @Nullable UUID paymentId() {
		return this.paymentId;
	}

	public @Nullable Instant paymentDeadline() {
		return this.paymentDeadline;
	}

	public Instant startedAt() {
		return this.startedAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	@Nullable String cardToken() {
		return this.cardToken;
	}

	@Nullable Stored stored() {
		return this.stored;
	}

	/**
	 * {@link PlaceOrderSagas} read or wrote the saga as it is now, as the given version.
	 */
	void stored(long version) {
		this.stored = new Stored(version, this.step, this.payment, this.paymentId, this.cardToken, this.paymentDeadline,
				this.updatedAt);
	}

	/**
	 * The saga as {@link PlaceOrderSagas} last read or wrote it.
	 *
	 * @param version its version
	 * @param step its step
	 * @param payment its payment
	 * @param paymentId its payment's id
	 * @param cardToken the card token it held
	 * @param paymentDeadline its deadline
	 * @param updatedAt its last change
	 */
	record Stored(long version, Step step, Payment payment, @Nullable UUID paymentId, @Nullable String cardToken,
			@Nullable Instant paymentDeadline, Instant updatedAt) {

		/** Whether the saga changed since. */
		boolean changed(PlaceOrderSaga saga) {
			return !equals(new Stored(this.version, saga.step, saga.payment, saga.paymentId, saga.cardToken,
					saga.paymentDeadline, saga.updatedAt));
		}

		@Override
		public String toString() {
			return "Stored[version=" + this.version + ", step=" + this.step + ", payment=" + this.payment
					+ ", cardToken=" + ((this.cardToken != null) ? "***" : null) + "]";
		}

	}

	/** Where the saga is. */
	public enum Step {

		/** Reserving the stock at inventory-service (synchronously, in the request). */
		RESERVING,
		/** payment.authorize sent; waiting for payment-service until the deadline. */
		AWAITING_PAYMENT,
		/** Ended; only a late or refunded payment can still arrive. */
		DONE

	}

	/** What the saga knows of the order's money. */
	public enum Payment {

		NONE, AUTHORIZED, DECLINED, REFUND_REQUESTED, REFUNDED

	}

	/** What a saga decision asks to be done, in the same transaction. */
	public sealed interface Action {

		/**
		 * Send payment.authorize.
		 *
		 * @param cardToken the card
		 */
		record RequestAuthorization(String cardToken) implements Action {

			@Override
			public String toString() {
				return "RequestAuthorization[cardToken=***]";
			}

		}

		/** Confirm the order and publish order.confirmed. */
		record ConfirmOrder() implements Action {
		}

		/**
		 * Reject the order (it was never accepted; nothing to undo).
		 *
		 * @param reason why
		 */
		record RejectOrder(CancelReason reason) implements Action {
		}

		/**
		 * Cancel the order and publish order.cancelled (inventory releases or returns the
		 * stock).
		 *
		 * @param reason why
		 */
		record CancelOrder(CancelReason reason) implements Action {
		}

		/**
		 * Send payment.refund.
		 *
		 * @param paymentId the payment to refund
		 * @param reason why
		 */
		record RequestRefund(UUID paymentId, String reason) implements Action {
		}

		/** Note the refund in the order's history. */
		record NoteRefund() implements Action {
		}

	}

}
