package dev.shopfront.order.lifecycle.events;

import dev.shopfront.chassis.messaging.EventType;

/**
 * The order events: the exchange order-service publishes them to, and their types.
 */
public final class OrderEvents {

	/** Topic exchange of order events; routing key = event type. */
	public static final String EXCHANGE = "order.events";

	/** {@code order.confirmed} v1: {@link OrderConfirmedV1}. */
	public static final EventType ORDER_CONFIRMED = new EventType(EXCHANGE, "order.confirmed", 1);

	/** {@code order.cancelled} v1: {@link OrderCancelledV1}. */
	public static final EventType ORDER_CANCELLED = new EventType(EXCHANGE, "order.cancelled", 1);

	/** {@code order.rejected} v1: {@link OrderRejectedV1}. */
	public static final EventType ORDER_REJECTED = new EventType(EXCHANGE, "order.rejected", 1);

	/** {@code order.shipped} v1: {@link OrderShippedV1}. */
	public static final EventType ORDER_SHIPPED = new EventType(EXCHANGE, "order.shipped", 1);

	/** {@code order.delivered} v1: {@link OrderDeliveredV1}. */
	public static final EventType ORDER_DELIVERED = new EventType(EXCHANGE, "order.delivered", 1);

	private OrderEvents() {
	}

}
