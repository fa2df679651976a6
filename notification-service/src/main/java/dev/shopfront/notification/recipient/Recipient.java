package dev.shopfront.notification.recipient;

import java.util.UUID;

/**
 * Whom a user's e-mails go to, as the newest account data says.
 *
 * @param userId the user
 * @param email the e-mail address
 * @param fullName the name to greet
 * @param emailVerified whether the user verified the address (before, it gets nothing but
 * the verification code)
 * @param version the account version this copy is of
 */
public record Recipient(UUID userId, String email, String fullName, boolean emailVerified, long version) {
}
