package dev.shopfront.user.account;

import java.util.Locale;

/**
 * What a password must be: 12 to 128 characters, not the e-mail address, not one
 * character repeated.
 */
public final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	private PasswordPolicy() {
	}

	/**
	 * Checks a new password.
	 * @param password the password
	 * @param email the account's e-mail
	 * @throws WeakPasswordException saying what is wrong
	 */
	public static void check(String password, String email) {
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			throw new WeakPasswordException("must be at least " + MIN_LENGTH + " characters long");
		}
		if (length > MAX_LENGTH) {
			throw new WeakPasswordException("must be at most " + MAX_LENGTH + " characters long");
		}
		if (password.strip().toLowerCase(Locale.ROOT).equals(Account.normalizeEmail(email))) {
			throw new WeakPasswordException("must not be the e-mail address");
		}
		if (password.chars().distinct().count() == 1) {
			throw new WeakPasswordException("must not be a single character repeated");
		}
	}

}
