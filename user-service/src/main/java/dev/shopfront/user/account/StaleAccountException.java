package dev.shopfront.user.account;

/**
 * A change was based on an older version of the account than the current one.
 */
public class StaleAccountException extends RuntimeException {

	StaleAccountException(long expected, long actual) {
		super("The account is at version " + actual + ", not " + expected + "; read it again.");
	}

}
