package dev.shopfront.user.auth;

import java.time.Duration;

/**
 * Too many attempts to log in to this account from here in a short time; the next one may
 * be made after a delay.
 */
public class LoginThrottledException extends RuntimeException {

	private final Duration retryAfter;

	LoginThrottledException(Duration retryAfter) {
		super("Too many login attempts for this account in a short time; try again in "
				+ Math.max(1, retryAfter.toSeconds() + ((retryAfter.toMillisPart() > 0) ? 1 : 0)) + " s.");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
