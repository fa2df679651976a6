package dev.shopfront.user.account;

import java.time.Instant;
import java.util.UUID;

import dev.shopfront.chassis.messaging.Outbox;
import dev.shopfront.user.account.events.AddressV1;
import dev.shopfront.user.account.events.EmailVerificationRequestedV1;
import dev.shopfront.user.account.events.UserRegisteredV1;
import dev.shopfront.user.account.events.UserUpdatedV1;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Announces what happens to accounts as user events, through the outbox, in the
 * transaction that made it happen. The mapping from the account to each event's data
 * lives here, so the event records know nothing of the domain.
 */
@Component
class AccountEventPublisher {

	private final Outbox outbox;

	AccountEventPublisher(Outbox outbox) {
		this.outbox = outbox;
	}

	/** {@code user.registered}. */
	void registered(Account account) {
		this.outbox.publish(UserRegisteredV1.TYPE, subject(account.id()),
				new UserRegisteredV1(account.id(), account.email(), account.fullName(),
						address(account.shippingAddress()), account.emailVerified(), account.version()));
	}

	/** {@code user.updated}: the profile as it is now. */
	void updated(Account account) {
		this.outbox.publish(UserUpdatedV1.TYPE, subject(account.id()), new UserUpdatedV1(account.id(), account.email(),
				account.fullName(), address(account.shippingAddress()), account.emailVerified(), account.version()));
	}

	/** {@code user.email-verification-requested}: the code notification-service sends. */
	void verificationRequested(Account account, UUID verificationId, String token, Instant expiresAt) {
		this.outbox.publish(EmailVerificationRequestedV1.TYPE, subject(account.id()), new EmailVerificationRequestedV1(
				verificationId, account.id(), account.email(), account.fullName(), token, expiresAt));
	}

	private static @Nullable AddressV1 address(@Nullable Address address) {
		return (address != null) ? new AddressV1(address.line1(), address.line2(), address.city(), address.postalCode(),
				address.country()) : null;
	}

	private static String subject(UUID id) {
		return id.toString();
	}

}
