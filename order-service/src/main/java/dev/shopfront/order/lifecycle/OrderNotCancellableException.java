package dev.shopfront.order.lifecycle;

import java.util.UUID;

/**
 * The order has left the warehouse (or was never accepted) and can no longer be
 * cancelled.
 */
public class OrderNotCancellableException extends RuntimeException {

	private final OrderStatus status;

	OrderNotCancellableException(UUID orderId, OrderStatus status) {
		super("Order " + orderId + " is " + status + " and can no longer be cancelled.");
		this.status = status;
	}

	public OrderStatus status() {
		return this.status;
	}

}
