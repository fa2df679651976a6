package dev.shopfront.user.account;

/**
 * A password breaks the {@link PasswordPolicy}.
 */
public class WeakPasswordException extends RuntimeException {

	WeakPasswordException(String reason) {
		super(reason);
	}

}
