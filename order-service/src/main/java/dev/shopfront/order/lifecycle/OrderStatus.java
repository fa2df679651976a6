package dev.shopfront.order.lifecycle;

/**
 * Where an order is. PENDING while the saga runs; CONFIRMED once paid; then SHIPPED and
 * DELIVERED; CANCELLED (compensated) or REJECTED (never accepted) end it.
 */
public enum OrderStatus {

	PENDING, CONFIRMED, SHIPPED, DELIVERED, CANCELLED, REJECTED;

	/** Whether the order can no longer change status. */
	public boolean isFinal() {
		return this == DELIVERED || this == CANCELLED || this == REJECTED;
	}

}
