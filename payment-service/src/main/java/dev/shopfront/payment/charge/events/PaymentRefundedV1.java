package dev.shopfront.payment.charge.events;

import java.util.UUID;

import dev.shopfront.chassis.messaging.EventType;

/**
 * {@code payment.refunded} v1: an authorised payment was refunded in full (schema:
 * docs/events/schemas/payment.refunded.v1.json). Published once per payment.
 *
 * @param orderId the order
 * @param paymentId the payment
 * @param refundId the refund
 * @param amount the amount refunded, a decimal string such as {@code "59.98"}
 * @param currency its ISO 4217 currency
 */
public record PaymentRefundedV1(UUID orderId, UUID paymentId, UUID refundId, String amount, String currency) {

	/** Exchange, type (= routing key) and schema version. */
	public static final EventType TYPE = new EventType(PaymentEvents.EXCHANGE, "payment.refunded", 1);

}
