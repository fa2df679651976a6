package dev.shopfront.order.lifecycle;

import java.util.UUID;

/**
 * No such order, or not one the caller may see (the two are not told apart).
 */
public class OrderNotFoundException extends RuntimeException {

	public OrderNotFoundException(UUID orderId) {
		super("Order " + orderId + " was not found.");
	}

}
