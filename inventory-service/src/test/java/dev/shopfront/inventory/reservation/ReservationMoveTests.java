package dev.shopfront.inventory.reservation;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reservation lifecycle: which moves there are, and that none creates or loses a
 * unit.
 */
class ReservationMoveTests {

	@ParameterizedTest
	@CsvSource({ "HELD, COMMITTED, COMMIT", "HELD, RELEASED, RELEASE", "COMMITTED, RETURNED, RETURN" })
	void theLifecycleHasTheseMoves(ReservationStatus from, ReservationStatus to, ReservationMove move) {
		assertThat(ReservationMove.between(from, to)).contains(move);
		assertThat(move.from()).isEqualTo(from);
		assertThat(move.to()).isEqualTo(to);
	}

	@ParameterizedTest
	@EnumSource(ReservationStatus.class)
	void noOtherMoveIsMade(ReservationStatus from) {
		for (ReservationStatus to : ReservationStatus.values()) {
			boolean allowed = (from == ReservationStatus.HELD
					&& EnumSet.of(ReservationStatus.COMMITTED, ReservationStatus.RELEASED).contains(to))
					|| (from == ReservationStatus.COMMITTED && to == ReservationStatus.RETURNED);
			assertThat(ReservationMove.between(from, to).isPresent()).as("%s -> %s", from, to).isEqualTo(allowed);
		}
	}

	@Test
	void aReleasedReturnedOrVoidReservationNeverMovesAgain() {
		for (ReservationStatus end : EnumSet.of(ReservationStatus.RELEASED, ReservationStatus.RETURNED,
				ReservationStatus.VOID)) {
			for (ReservationMove move : ReservationMove.values()) {
				assertThat(move.from()).isNotEqualTo(end);
			}
		}
	}

	@ParameterizedTest
	@CsvSource({ "COMMIT, 0, -5, 5", "RELEASE, 5, -5, 0", "RETURN, 5, 0, -5" })
	void eachMoveShiftsUnitsWithoutMakingOrLosingAny(ReservationMove move, int available, int reserved, int committed) {
		assertThat(move.availableChange(5)).isEqualTo(available);
		assertThat(move.reservedChange(5)).isEqualTo(reserved);
		// units that left the shelf (committed) are what available and reserved lost
		assertThat(-(move.availableChange(5) + move.reservedChange(5))).isEqualTo(committed);
	}

}
