package dev.shopfront.user.account;

import java.util.UUID;

/**
 * No account has this id.
 */
public class AccountNotFoundException extends RuntimeException {

	AccountNotFoundException(UUID id) {
		super("No account " + id + ".");
	}

}
