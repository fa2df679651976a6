package dev.shopfront.user.account;

/**
 * The account's e-mail address is verified already.
 */
public class EmailAlreadyVerifiedException extends RuntimeException {

	EmailAlreadyVerifiedException() {
		super("Your e-mail address is verified already.");
	}

}
