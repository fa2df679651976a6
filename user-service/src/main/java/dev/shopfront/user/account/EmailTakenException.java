package dev.shopfront.user.account;

/**
 * Another account already has this e-mail address.
 */
public class EmailTakenException extends RuntimeException {

	EmailTakenException() {
		super("An account with this e-mail address already exists.");
	}

}
