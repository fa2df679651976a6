package dev.shopfront.payment.charge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.shopfront.payment.charge.PaymentExceptions.RefundMismatch;
import dev.shopfront.payment.provider.CardBrand;
import dev.shopfront.payment.provider.DeclineReason;
import dev.shopfront.payment.provider.ProviderDecision;
import org.jspecify.annotations.Nullable;

/**
 * A payment of an order: the outcome of one authorisation, and its refund. Never the card
 * token. It is decided once, AUTHORIZED or DECLINED ({@link #decide}); an authorised
 * payment is refunded at most once, in full ({@link #refund}); nothing else moves it.
 * Immutable: a transition returns the payment as it is after it, for {@link Payments} to
 * store with a conditional update.
 *
 * @param id the payment
 * @param orderId its order
 * @param userId the customer who placed the order
 * @param status where it stands
 * @param amount the amount charged
 * @param currency its ISO 4217 currency
 * @param cardBrand the card's brand
 * @param declineReason why it was declined; null unless DECLINED
 * @param createdAt when it was decided
 * @param refund its refund, or null
 */
public record Payment(UUID id, UUID orderId, UUID userId, PaymentStatus status, BigDecimal amount, String currency,
		CardBrand cardBrand, @Nullable DeclineReason declineReason, Instant createdAt, @Nullable Refund refund) {

	public Payment {
		if ((status == PaymentStatus.DECLINED) != (declineReason != null)) {
			throw new IllegalArgumentException("A payment has a decline reason exactly when it is DECLINED");
		}
		if ((status == PaymentStatus.REFUNDED) != (refund != null)) {
			throw new IllegalArgumentException("A payment has a refund exactly when it is REFUNDED");
		}
	}

	/**
	 * A payment as the provider decided it.
	 * @param request what was to be charged
	 * @param decision the provider's answer
	 * @param now the time
	 * @return an AUTHORIZED or DECLINED payment with a new id
	 */
	public static Payment decide(PaymentRequests.Authorize request, ProviderDecision decision, Instant now) {
		return new Payment(UUID.randomUUID(), request.orderId(), request.userId(),
				decision.approved() ? PaymentStatus.AUTHORIZED : PaymentStatus.DECLINED, request.amount(),
				request.currency(), decision.brand(), decision.declineReason(), now, null);
	}

	/**
	 * Refunds the payment in full: AUTHORIZED → REFUNDED.
	 * @param request the refund order-service asks for
	 * @param now the time
	 * @return the payment refunded, or empty when it is not AUTHORIZED (refunded before,
	 * or declined): nothing to give back
	 * @throws RefundMismatch when the request names another order, amount or currency
	 */
	public Optional<Payment> refund(PaymentRequests.Refund request, Instant now) {
		if (!this.orderId.equals(request.orderId())) {
			throw new RefundMismatch(this.id, "it belongs to order " + this.orderId);
		}
		if (!isFor(request.amount(), request.currency())) {
			throw new RefundMismatch(this.id, "it is " + this.amount.toPlainString() + " " + this.currency + ", not "
					+ request.amount().toPlainString() + " " + request.currency());
		}
		if (this.status != PaymentStatus.AUTHORIZED) {
			return Optional.empty();
		}
		Refund made = new Refund(UUID.randomUUID(), this.amount, this.currency, request.reason(), now);
		return Optional.of(new Payment(this.id, this.orderId, this.userId, PaymentStatus.REFUNDED, this.amount,
				this.currency, this.cardBrand, null, this.createdAt, made));
	}

	/**
	 * Whether the payment is of this amount in this currency.
	 * @param amount the amount
	 * @param currency the currency
	 * @return true when both are the payment's
	 */
	public boolean isFor(BigDecimal amount, String currency) {
		return this.amount.compareTo(amount) == 0 && this.currency.equals(currency);
	}

	/**
	 * Whether a user may see this payment.
	 * @param subject the user's id (the token's subject)
	 * @return true for the customer who placed the order
	 */
	public boolean belongsTo(String subject) {
		return this.userId.toString().equals(subject);
	}

}
