package dev.shopfront.inventory.reservation;

/**
 * Where a reservation stands (see {@link ReservationMove} for the moves between).
 */
public enum ReservationStatus {

	/** Units set aside for an order not yet paid; released when it expires. */
	HELD,
	/** The order was confirmed; its units have left the stock. */
	COMMITTED,
	/** The hold ended without a sale; the units went back. */
	RELEASED,
	/** A confirmed order was cancelled; the units came back. */
	RETURNED,
	/**
	 * The order was rejected before its reservation request arrived: it reserves nothing.
	 */
	VOID

}
