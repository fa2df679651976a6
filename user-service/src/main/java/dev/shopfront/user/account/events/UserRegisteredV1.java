package dev.shopfront.user.account.events;

import java.util.UUID;

import dev.shopfront.chassis.messaging.EventType;
import org.jspecify.annotations.Nullable;

/**
 * {@code user.registered} v1: an account was created (schema:
 * docs/events/schemas/user.registered.v1.json).
 *
 * @param userId the account
 * @param email its e-mail address
 * @param fullName its holder's name
 * @param shippingAddress its default shipping address, or null
 * @param emailVerified whether the owner proved the address is theirs (nothing but the
 * verification code may be sent to it before)
 * @param version the account's version
 */
public record UserRegisteredV1(UUID userId, String email, String fullName, @Nullable AddressV1 shippingAddress,
		boolean emailVerified, long version) {

	/** Exchange, type (= routing key) and schema version. */
	public static final EventType TYPE = new EventType(UserEvents.EXCHANGE, "user.registered", 1);

}
