package dev.shopfront.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until the test moves it, for unit tests of code that reads
 * the time from an injected {@link Clock}.
 */
public final class TestClock extends Clock {

	private volatile Instant now;

	/**
	 * A clock at a given time.
	 * @param start the time
	 */
	public TestClock(Instant start) {
		this.now = start;
	}

	/**
	 * Moves the time on.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("A TestClock is in UTC");
	}

}
