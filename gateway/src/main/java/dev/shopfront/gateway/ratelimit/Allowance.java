package dev.shopfront.gateway.ratelimit;

import java.time.Duration;

/**
 * The answer of a rate limit to one request.
 *
 * @param granted whether the request may go on
 * @param remaining how many more requests the limit allows now, or {@code -1} when not
 * known (the limit could not be checked)
 * @param retryAfter when refused, how long until the next request would be allowed
 */
record Allowance(boolean granted, long remaining, Duration retryAfter) {

	/** Let through without counting, because the count could not be reached. */
	static final Allowance UNCHECKED = new Allowance(true, -1, Duration.ZERO);

	static Allowance granted(long remaining) {
		return new Allowance(true, remaining, Duration.ZERO);
	}

	static Allowance refused(Duration retryAfter) {
		return new Allowance(false, 0, retryAfter);
	}

	/**
	 * The {@code Retry-After} value: whole seconds, at least one.
	 * @return seconds to wait
	 */
	long retryAfterSeconds() {
		long seconds = this.retryAfter.toSeconds() + ((this.retryAfter.toNanosPart() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

}
