package dev.shopfront.payment.charge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.shopfront.payment.provider.CardBrand;
import dev.shopfront.payment.provider.DeclineReason;
import org.jspecify.annotations.Nullable;

/**
 * A payment of an order, as stored: the outcome of one authorisation, and its refund.
 * Never the card token.
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

	/**
	 * Whether a user may see this payment.
	 * @param subject the user's id (the token's subject)
	 * @return true for the customer who placed the order
	 */
	public boolean belongsTo(String subject) {
		return this.userId.toString().equals(subject);
	}

}
