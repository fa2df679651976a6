package dev.shopfront.user.account;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a password must be: 12 to 128 characters and at most 72 bytes in UTF-8 (all that
 * bcrypt reads: it refuses more, and a longer password would only seem stronger), not the
 * e-mail address, not one character repeated.
 */
public final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	/** What bcrypt hashes of a password; it refuses longer ones. */
	static final int MAX_BYTES = 72;

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
		if (tooLongToHash(password)) {
			throw new WeakPasswordException("must be at most " + MAX_BYTES
					+ " bytes in UTF-8 (72 plain letters, digits or punctuation; fewer with accents or other scripts)");
		}
		if (password.strip().toLowerCase(Locale.ROOT).equals(Account.normalizeEmail(email))) {
			throw new WeakPasswordException("must not be the e-mail address");
		}
		if (password.chars().distinct().count() == 1) {
			throw new WeakPasswordException("must not be a single character repeated");
		}
	}

	/**
	 * Whether a password is longer than bcrypt hashes: no policy-abiding password is.
	 * @param password the password
	 * @return true when it is over 72 bytes in UTF-8
	 */
	public static boolean tooLongToHash(String password) {
		return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
	}

}
