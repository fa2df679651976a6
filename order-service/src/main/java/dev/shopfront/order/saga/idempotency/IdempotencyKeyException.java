package dev.shopfront.order.saga.idempotency;

/**
 * A request the {@code Idempotency-Key} protocol refuses; the kind says why, and what the
 * client should do.
 */
public class IdempotencyKeyException extends RuntimeException {

	private final Kind kind;

	public IdempotencyKeyException(Kind kind) {
		super(kind.detail);
		this.kind = kind;
	}

	public Kind kind() {
		return this.kind;
	}

	/** Why a request is refused. */
	public enum Kind {

		/** The request has no key. */
		REQUIRED("POST /api/orders needs an Idempotency-Key header (any unique string up to 100 characters, "
				+ "a UUID for example); repeat it when you retry the same order."),
		/** The key is too long or not printable ASCII. */
		INVALID("The Idempotency-Key must be 1 to 100 printable ASCII characters without spaces."),
		/** The key was used before for another request. */
		REUSED("This Idempotency-Key was already used for a different order; use a new key for a new order."),
		/** The key's first request has not answered yet. */
		IN_PROGRESS("An order with this Idempotency-Key is still being placed; repeat the request in a moment.");

		private final String detail;

		Kind(String detail) {
			this.detail = detail;
		}

	}

}
