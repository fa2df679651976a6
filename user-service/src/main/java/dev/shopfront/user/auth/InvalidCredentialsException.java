package dev.shopfront.user.auth;

/**
 * The e-mail address or password is wrong.
 */
public class InvalidCredentialsException extends RuntimeException {

	InvalidCredentialsException() {
		super("The e-mail address or password is wrong.");
	}

}
