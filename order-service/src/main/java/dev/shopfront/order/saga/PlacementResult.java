package dev.shopfront.order.saga;

import java.time.Duration;

import dev.shopfront.order.lifecycle.Order;
import dev.shopfront.order.saga.participants.Reservation;
import org.jspecify.annotations.Nullable;

/**
 * How placing an order ended, as far as the customer's request is concerned.
 */
public sealed interface PlacementResult {

	/** The order involved. */
	Order order();

	/**
	 * Accepted: the stock is held and the payment requested (or, when a repeat finds the
	 * saga further on, whatever state the order has reached).
	 *
	 * @param order the order
	 */
	record Accepted(Order order) implements PlacementResult {
	}

	/**
	 * Not accepted: short stock, unknown products, mixed currencies.
	 *
	 * @param order the (REJECTED) order
	 * @param cause inventory-service's answer, when it gave one
	 */
	record Rejected(Order order, @Nullable Reservation cause) implements PlacementResult {
	}

	/**
	 * inventory-service could not be reached; the order is REJECTED and the customer may
	 * try again.
	 *
	 * @param order the (REJECTED) order
	 * @param retryAfter when to try again
	 */
	record Unavailable(Order order, Duration retryAfter) implements PlacementResult {
	}

	/**
	 * Still being placed by another request.
	 *
	 * @param order the (PENDING) order
	 */
	record InFlight(Order order) implements PlacementResult {
	}

}
