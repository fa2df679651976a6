package dev.shopfront.order.lifecycle;

import java.util.UUID;

/**
 * A status change the order's current status does not allow: a bug or a message applied
 * out of turn, never the customer's doing.
 */
public class IllegalOrderTransitionException extends IllegalStateException {

	IllegalOrderTransitionException(UUID orderId, OrderStatus from, OrderStatus to) {
		super("Order " + orderId + " cannot move from " + from + " to " + to);
	}

}
