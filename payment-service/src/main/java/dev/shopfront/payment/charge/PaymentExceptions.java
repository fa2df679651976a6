package dev.shopfront.payment.charge;

import java.util.UUID;

/**
 * What can go wrong with payments.
 */
public final class PaymentExceptions {

	private PaymentExceptions() {
	}

	/** The caller may not see the payments of this order (they are another user's). */
	public static class PaymentsNotFound extends RuntimeException {

		PaymentsNotFound(UUID orderId) {
			super("No payments of order " + orderId + " are yours to see.");
		}

	}

	/** A refund names a payment payment-service does not have. */
	public static class UnknownPayment extends RuntimeException {

		UnknownPayment(UUID paymentId, UUID orderId) {
			super("No payment " + paymentId + " (order " + orderId + ")");
		}

	}

	/** A refund that does not match its payment (another order, amount or currency). */
	public static class RefundMismatch extends RuntimeException {

		RefundMismatch(UUID paymentId, String what) {
			super("Refund of payment " + paymentId + " does not match it: " + what);
		}

	}

}
