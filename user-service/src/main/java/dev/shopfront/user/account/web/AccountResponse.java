package dev.shopfront.user.account.web;

import java.time.Instant;
import java.util.UUID;

import dev.shopfront.user.account.Account;
import dev.shopfront.user.account.web.AccountRequests.AddressBody;
import org.jspecify.annotations.Nullable;

/**
 * An account as the API shows it; never the password hash.
 *
 * @param id account id
 * @param email e-mail address
 * @param emailVerified whether the address is verified (until then the shop e-mails it
 * only the verification code)
 * @param fullName name
 * @param role CUSTOMER or ADMIN
 * @param shippingAddress default shipping address
 * @param preferences preferences
 * @param version version, also sent as the ETag
 * @param createdAt when it was registered
 * @param updatedAt when it last changed
 */
record AccountResponse(UUID id, String email, boolean emailVerified, String fullName, String role,
		@Nullable AddressBody shippingAddress, Preferences preferences, long version, Instant createdAt,
		Instant updatedAt) {

	static AccountResponse of(Account account) {
		return new AccountResponse(account.id(), account.email(), account.emailVerified(), account.fullName(),
				account.role().name(), AddressBody.of(account.shippingAddress()),
				new Preferences(account.preferences().marketingEmails(), account.preferences().language()),
				account.version(), account.createdAt(), account.updatedAt());
	}

	/**
	 * Preferences.
	 *
	 * @param marketingEmails whether to get offers by e-mail
	 * @param language preferred language
	 */
	record Preferences(boolean marketingEmails, String language) {
	}

}
