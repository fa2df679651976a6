package dev.shopfront.notification.notification.messaging;

import java.util.List;
import java.util.UUID;

import dev.shopfront.chassis.messaging.IncomingMessage;
import dev.shopfront.chassis.messaging.MessageConsumer;
import dev.shopfront.notification.notification.Notifications;
import dev.shopfront.notification.recipient.Recipient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static dev.shopfront.notification.notification.messaging.EventData.required;

/**
 * Takes user-service's events from {@code notification.user-events}: keeps each user's
 * address and name (a higher version wins), and welcomes new users.
 */
@Configuration(proxyBeanMethods = false)
class UserEventsConsumer {

	static final String QUEUE = "notification.user-events";

	static final String EXCHANGE = "user.events";

	static final String REGISTERED = "user.registered";

	static final String UPDATED = "user.updated";

	private static final Logger log = LoggerFactory.getLogger(UserEventsConsumer.class);

	@Bean
	MessageConsumer userEvents(Notifications notifications) {
		return new MessageConsumer(QUEUE, EXCHANGE, List.of(REGISTERED, UPDATED),
				(message) -> apply(notifications, message));
	}

	static void apply(Notifications notifications, IncomingMessage message) {
		switch (message.envelope().type()) {
			case REGISTERED ->
				notifications.userRegistered(message.envelope().id(), message.data(UserData.class).toRecipient());
			case UPDATED -> notifications.userUpdated(message.data(UserData.class).toRecipient());
			default -> log.warn("Ignoring {} {}: not a user event", message.envelope().type(), message.envelope().id());
		}
	}

	/**
	 * What notification-service reads of {@code user.registered} / {@code user.updated}
	 * v1 (tolerant reader).
	 *
	 * @param userId the user
	 * @param email the e-mail address
	 * @param fullName the name
	 * @param version the account's version
	 */
	record UserData(@Nullable UUID userId, @Nullable String email, @Nullable String fullName, @Nullable Long version) {

		Recipient toRecipient() {
			return new Recipient(required(this.userId, "userId"), required(this.email, "email"),
					required(this.fullName, "fullName"), required(this.version, "version"));
		}

	}

}
