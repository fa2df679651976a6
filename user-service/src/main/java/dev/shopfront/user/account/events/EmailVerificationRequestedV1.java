package dev.shopfront.user.account.events;

import java.time.Instant;
import java.util.UUID;

import dev.shopfront.chassis.messaging.EventType;

/**
 * {@code user.email-verification-requested} v1: an account's address must be verified;
 * notification-service e-mails the code to it (schema:
 * docs/events/schemas/user.email-verification-requested.v1.json). The code is a secret
 * while it is valid: it travels only in this message, to the one consumer that sends it.
 *
 * @param verificationId the code's id (one e-mail per code)
 * @param userId the account
 * @param email the address to verify
 * @param fullName whom to greet
 * @param token the code, in clear
 * @param expiresAt until when it can be used
 */
public record EmailVerificationRequestedV1(UUID verificationId, UUID userId, String email, String fullName,
		String token, Instant expiresAt) {

	/** Exchange, type (= routing key) and schema version. */
	public static final EventType TYPE = new EventType(UserEvents.EXCHANGE, "user.email-verification-requested", 1);

	@Override
	public String toString() {
		return "EmailVerificationRequestedV1[verificationId=" + this.verificationId + ", userId=" + this.userId
				+ ", token=***]";
	}

}
