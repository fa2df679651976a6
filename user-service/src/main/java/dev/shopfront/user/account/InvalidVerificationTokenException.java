package dev.shopfront.user.account;

/**
 * The verification code is unknown, used already or expired.
 */
public class InvalidVerificationTokenException extends RuntimeException {

	InvalidVerificationTokenException() {
		super("This verification code is unknown, used already or expired; ask for a new one (POST /api/users/me/verification-email).");
	}

}
