package dev.shopfront.user.auth;

import java.time.Duration;

/**
 * Too many failed logins for this e-mail address; try again later.
 */
public class LoginThrottledException extends RuntimeException {

	private final Duration retryAfter;

	LoginThrottledException(Duration retryAfter) {
		super("Too many failed logins for this e-mail address; try again later.");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
