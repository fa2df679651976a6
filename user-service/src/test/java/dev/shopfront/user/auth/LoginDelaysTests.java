package dev.shopfront.user.auth;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The free attempts, then delays that double up to a cap, and a quiet key that starts
 * afresh; never a lock.
 */
class LoginDelaysTests {

	private final LoginDelays delays = new LoginDelays(5, Duration.ofSeconds(2), Duration.ofMinutes(15),
			Duration.ofHours(1));

	private final Instant last = Instant.parse("2026-12-06T10:00:00Z");

	@Test
	void theFreeAttemptsGoAheadAtOnce() {
		for (int attempts = 0; attempts < 5; attempts++) {
			assertThat(this.delays.waitFor(attempts, this.last, this.last)).isZero();
		}
	}

	@Test
	void thenEachAttemptWaitsTwiceAsLongAsTheOneBeforeUpToTheCap() {
		assertThat(this.delays.delayAfter(5)).hasSeconds(2);
		assertThat(this.delays.delayAfter(6)).hasSeconds(4);
		assertThat(this.delays.delayAfter(7)).hasSeconds(8);
		assertThat(this.delays.delayAfter(14)).hasMinutes(15);
		assertThat(this.delays.delayAfter(1_000_000)).hasMinutes(15);
		assertThat(this.delays.waitFor(6, this.last, this.last.plusSeconds(1))).hasSeconds(3);
		assertThat(this.delays.waitFor(6, this.last, this.last.plusSeconds(4))).isZero();
	}

	@Test
	void aKeyQuietLongEnoughStartsAfresh() {
		// the cap has passed anyway
		assertThat(this.delays.waitFor(40, this.last, this.last.plus(Duration.ofMinutes(59)))).isZero();
		assertThat(this.delays.counted(40, this.last, this.last.plus(Duration.ofMinutes(61)))).isZero();
		assertThat(this.delays.waitFor(40, this.last, this.last.plus(Duration.ofMinutes(61)))).isZero();
	}

}
