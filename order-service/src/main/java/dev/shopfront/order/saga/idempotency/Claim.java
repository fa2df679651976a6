package dev.shopfront.order.saga.idempotency;

import java.util.UUID;

/**
 * Who has an Idempotency-Key, as a request that tried to claim it finds out.
 */
public sealed interface Claim {

	/**
	 * This request: it starts the order.
	 *
	 * @param orderId the order
	 */
	record Started(UUID orderId) implements Claim {
	}

	/**
	 * An earlier request.
	 *
	 * @param key its record
	 */
	record Taken(IdempotencyKeys.Key key) implements Claim {
	}

	/** The key was freed between the claim and the read; try again. */
	record Retry() implements Claim {
	}

}
