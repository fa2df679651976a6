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
	COMMIT(new Row(ReservationStatus.HELD, ReservationStatus.COMMITTED, 0, -1)),

	/**
	 * The order was cancelled or rejected before it was paid, or the hold expired: the
	 * held units are available again.
	 */
	RELEASE(new Row(ReservationStatus.HELD, ReservationStatus.RELEASED, 1, -1)),

	/** A confirmed order was cancelled: its units come back to the shelf. */
	RETURN(new Row(ReservationStatus.COMMITTED, ReservationStatus.RETURNED, 1, 0));

	private final Row row;

	ReservationMove(Row row) {
		this.row = row;
	}

	/**
	 * The move between two statuses.
	 * @param from where a reservation is
	 * @param to where it would go
	 * @return the move, or empty when the lifecycle has none
	 */
	public static Optional<ReservationMove> between(ReservationStatus from, ReservationStatus to) {
		return Arrays.stream(values()).filter((move) -> move.row.from() == from && move.row.to() == to).findFirst();
	}

	public ReservationStatus from() {
		return this.row.from();
	}

	public ReservationStatus to() {
		return this.row.to();
	}

	/**
	 * @param quantity the units of a line
	 * @return the change of the product's available units
	 */
	public int availableChange(int quantity) {
		return this.row.availablePerUnit() * quantity;
	}

	/**
	 * @param quantity the units of a line
	 * @return the change of the product's reserved units
	 */
	public int reservedChange(int quantity) {
		return this.row.reservedPerUnit() * quantity;
	}

	/**
	 * A row of the lifecycle's table.
	 *
	 * @param from where the move starts
	 * @param to where it ends
	 * @param availablePerUnit the change of a product's available units, per unit held
	 * @param reservedPerUnit the change of a product's reserved units, per unit held
	 */
	private record Row(ReservationStatus from, ReservationStatus to, int availablePerUnit, int reservedPerUnit) {
	}

}
