package dev.shopfront.order.saga;

import java.util.UUID;

/**
 * The order is still being placed (its stock is being reserved); it can be cancelled once
 * the request that places it has been answered.
 */
public class PlacementInProgressException extends RuntimeException {

	PlacementInProgressException(UUID orderId) {
		super("Order " + orderId + " is still being placed; try again in a moment.");
	}

}
