package dev.shopfront.payment.charge.events;

import java.util.UUID;

import dev.shopfront.chassis.messaging.EventType;

/**
 * {@code payment.declined} v1: the payment of an order was declined (schema:
 * docs/events/schemas/payment.declined.v1.json). Published again, with the same payment
 * id, for every later {@code payment.authorize} of the order.
 *
 * @param orderId the order
 * @param paymentId the declined payment
 * @param reason {@code card_declined}, {@code insufficient_funds} or
 * {@code invalid_card_token}
 */
public record PaymentDeclinedV1(UUID orderId, UUID paymentId, String reason) {

	/** Exchange, type (= routing key) and schema version. */
	public static final EventType TYPE = new EventType(PaymentEvents.EXCHANGE, "payment.declined", 1);

}
