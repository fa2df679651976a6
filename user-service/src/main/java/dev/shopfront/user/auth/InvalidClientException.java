package dev.shopfront.user.auth;

/**
 * Unknown client or wrong secret.
 */
public class InvalidClientException extends RuntimeException {

	InvalidClientException() {
		super("Unknown client or wrong secret.");
	}

}
