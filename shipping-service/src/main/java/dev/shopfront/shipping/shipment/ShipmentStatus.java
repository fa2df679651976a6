package dev.shopfront.shipping.shipment;

/**
 * Where a shipment stands: CREATED → DISPATCHED → DELIVERED, or CREATED → CANCELLED when
 * its order is cancelled before the shipment leaves the warehouse.
 */
public enum ShipmentStatus {

	/** Waiting in the warehouse. */
	CREATED,

	/** Handed to the carrier. */
	DISPATCHED,

	/** Reached the customer. */
	DELIVERED,

	/** Its order was cancelled before it was dispatched. */
	CANCELLED;

	/**
	 * Whether a shipment in this status may move to another.
	 * @param next the status it would move to
	 * @return true for CREATED → DISPATCHED, CREATED → CANCELLED and DISPATCHED →
	 * DELIVERED
	 */
	public boolean canMoveTo(ShipmentStatus next) {
		return switch (this) {
			case CREATED -> next == DISPATCHED || next == CANCELLED;
			case DISPATCHED -> next == DELIVERED;
			case DELIVERED, CANCELLED -> false;
		};
	}

}
