package dev.shopfront.payment.charge.events;

import java.util.UUID;

import dev.shopfront.chassis.messaging.EventType;

/**
 * {@code payment.authorized} v1: the payment of an order was authorised (schema:
 * docs/events/schemas/payment.authorized.v1.json). Published again, with the same payment
 * id, for every later {@code payment.authorize} of the order.
 *
 * @param orderId the order
 * @param paymentId the payment
 * @param amount the amount authorised, a decimal string such as {@code "59.98"}
 * @param currency its ISO 4217 currency
 */
public record PaymentAuthorizedV1(UUID orderId, UUID paymentId, String amount, String currency) {

	/** Exchange, type (= routing key) and schema version. */
	public static final EventType TYPE = new EventType(PaymentEvents.EXCHANGE, "payment.authorized", 1);

}
