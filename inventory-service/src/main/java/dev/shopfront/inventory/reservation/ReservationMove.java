package dev.shopfront.inventory.reservation;

import java.util.Arrays;
import java.util.Optional;

/**
 * The moves of a reservation's lifecycle, the only ones {@link Reservations} makes, and
 * what each does to the stock of every line it holds:
 *
 * <pre>
 * (none) ──reserve──► HELD ──COMMIT──► COMMITTED ──RETURN──► RETURNED
 *                      └───RELEASE──► RELEASED
 * (none) ──rejected before its request──► VOID
 * </pre>
 *
 * A product's units are {@code available + reserved + committed} (committed units have
 * left the shelf); no move creates or loses one.
 */
public enum ReservationMove {

	/** The order was confirmed: the held units leave the stock for good. */
	COMMIT(ReservationStatus.HELD, ReservationStatus.COMMITTED, 0, -1),

	/**
	 * The order was cancelled or rejected before it was paid, or the hold expired: the
	 * held units are available again.
	 */
	RELEASE(ReservationStatus.HELD, ReservationStatus.RELEASED, 1, -1),

	/** A confirmed order was cancelled: its units come back to the shelf. */
	RETURN(ReservationStatus.COMMITTED, ReservationStatus.RETURNED, 1, 0);

	private final ReservationStatus from;

	private final ReservationStatus to;

	private final int availablePerUnit;

	private final int reservedPerUnit;

	ReservationMove(ReservationStatus from, ReservationStatus to, int availablePerUnit, int reservedPerUnit) {
		this.from = from;
		this.to = to;
		this.availablePerUnit = availablePerUnit;
		this.reservedPerUnit = reservedPerUnit;
	}

	/**
	 * The move between two statuses.
	 * @param from where a reservation is
	 * @param to where it would go
	 * @return the move, or empty when the lifecycle has none
	 */
	public static Optional<ReservationMove> between(ReservationStatus from, ReservationStatus to) {
		return Arrays.stream(values()).filter((move) -> move.from == from && move.to == to).findFirst();
	}

	public ReservationStatus from() {
		return this.from;
	}

	public ReservationStatus to() {
		return this.to;
	}

	/**
	 * @param quantity the units of a line
	 * @return the change of the product's available units
	 */
	public int availableChange(int quantity) {
		return this.availablePerUnit * quantity;
	}

	/**
	 * @param quantity the units of a line
	 * @return the change of the product's reserved units
	 */
	public int reservedChange(int quantity) {
		return this.reservedPerUnit * quantity;
	}

}
