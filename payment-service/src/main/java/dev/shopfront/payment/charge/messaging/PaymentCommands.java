package dev.shopfront.payment.charge.messaging;

import java.util.UUID;

import dev.shopfront.payment.charge.PaymentRequests;
import dev.shopfront.payment.charge.PaymentRequests.InvalidRequest;
import dev.shopfront.payment.provider.CardToken;
import org.jspecify.annotations.Nullable;

/**
 * The commands payment-service takes (schemas in docs/events/), as it reads them: only
 * the fields it needs (tolerant reader), checked into {@link PaymentRequests}.
 */
final class PaymentCommands {

	/** Topic exchange of payment commands (order-service publishes there). */
	static final String EXCHANGE = "payment.commands";

	/** {@code payment.authorize} v1: {@link AuthorizePaymentV1}. */
	static final String AUTHORIZE = "payment.authorize";

	/** {@code payment.refund} v1: {@link RefundPaymentV1}. */
	static final String REFUND = "payment.refund";

	/** payment-service's queue of commands. */
	static final String QUEUE = "payment.payment-commands";

	private PaymentCommands() {
	}

	/**
	 * {@code payment.authorize} v1: charge an order's total on a card.
	 *
	 * @param orderId the order
	 * @param userId the customer who placed it
	 * @param amount the amount, a decimal string such as {@code "59.98"}
	 * @param currency its ISO 4217 currency
	 * @param cardToken the provider's card token; a secret, kept out of
	 * {@link #toString()}
	 */
	record AuthorizePaymentV1(@Nullable UUID orderId, @Nullable UUID userId, @Nullable String amount,
			@Nullable String currency, @Nullable String cardToken) {

		PaymentRequests.Authorize toRequest() {
			return new PaymentRequests.Authorize(required(this.orderId, "orderId"), required(this.userId, "userId"),
					PaymentRequests.amount(required(this.amount, "amount"), "amount"),
					required(this.currency, "currency"), new CardToken((this.cardToken != null) ? this.cardToken : ""));
		}

		@Override
		public String toString() {
			return "AuthorizePaymentV1[orderId=" + this.orderId + ", userId=" + this.userId + ", amount=" + this.amount
					+ ", currency=" + this.currency + ", cardToken=redacted]";
		}

	}

	/**
	 * {@code payment.refund} v1: refund a payment in full.
	 *
	 * @param orderId the order
	 * @param paymentId the payment
	 * @param amount the amount, a decimal string such as {@code "59.98"}
	 * @param currency its ISO 4217 currency
	 * @param reason why, e.g. {@code CUSTOMER_REQUEST}
	 */
	record RefundPaymentV1(@Nullable UUID orderId, @Nullable UUID paymentId, @Nullable String amount,
			@Nullable String currency, @Nullable String reason) {

		PaymentRequests.Refund toRequest() {
			return new PaymentRequests.Refund(required(this.orderId, "orderId"), required(this.paymentId, "paymentId"),
					PaymentRequests.amount(required(this.amount, "amount"), "amount"),
					required(this.currency, "currency"), required(this.reason, "reason"));
		}

	}

	private static <T> T required(@Nullable T value, String field) {
		if (value == null) {
			throw new InvalidRequest(field + " is missing");
		}
		return value;
	}

}
