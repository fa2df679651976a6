package dev.shopfront.user.account;

import java.time.Duration;

/**
 * A verification code went out a moment ago; another may be asked for after a while.
 */
public class VerificationRecentlySentException extends RuntimeException {

	private final Duration retryAfter;

	VerificationRecentlySentException(Duration retryAfter) {
		super("A verification e-mail was sent a moment ago; look for it, or ask again in a minute.");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
