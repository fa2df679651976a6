package dev.shopfront.order.saga.participants;

import java.util.UUID;

/**
 * {@code payment.authorize} v1: the saga asks payment-service to authorise an order's
 * amount; payment-service answers with payment.authorized or payment.declined.
 *
 * @param orderId the order
 * @param userId its customer
 * @param amount a decimal string
 * @param currency ISO 4217
 * @param cardToken the provider's card token (never a card number)
 */
public record AuthorizePaymentV1(UUID orderId, UUID userId, String amount, String currency, String cardToken) {

	@Override
	public String toString() {
		return "AuthorizePaymentV1[orderId=" + this.orderId + ", amount=" + this.amount + " " + this.currency + "]";
	}

}
