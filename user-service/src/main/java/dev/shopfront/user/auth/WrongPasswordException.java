package dev.shopfront.user.auth;

/**
 * The current password given to change it is not the account's.
 */
public class WrongPasswordException extends RuntimeException {

	WrongPasswordException() {
		super("is not the current password");
	}

}
