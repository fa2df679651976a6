package dev.shopfront.notification.mail.messaging;

import java.time.Instant;
import java.util.UUID;

import dev.shopfront.chassis.messaging.MessageConsumer;
import dev.shopfront.notification.config.NotificationProperties;
import dev.shopfront.notification.mail.MailModel;
import dev.shopfront.notification.mail.Notifications;
import dev.shopfront.notification.recipient.Recipient;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static dev.shopfront.notification.mail.messaging.EventData.required;

/**
 * Takes user-service's events from {@code notification.user-events}: keeps each user's
 * address, name and whether the address is verified (a higher version wins), e-mails
 * verification codes, and welcomes new users (once their address is verified).
 */
@Configuration(proxyBeanMethods = false)
class UserEventsConsumer {

	static final String QUEUE = "notification.user-events";

	static final String EXCHANGE = "user.events";

	static final String REGISTERED = "user.registered";

	static final String UPDATED = "user.updated";

	static final String VERIFICATION_REQUESTED = "user.email-verification-requested";

	@Bean
	MessageConsumer userEvents(Notifications notifications, NotificationProperties properties) {
		return MessageConsumer.of(QUEUE, EXCHANGE)
			.on(REGISTERED, UserData.class,
					(user, envelope) -> notifications.userRegistered(envelope.id(), user.toRecipient()))
			.on(UPDATED, UserData.class, (user) -> notifications.userUpdated(user.toRecipient()))
			.on(VERIFICATION_REQUESTED, VerificationData.class,
					(verification, envelope) -> notifications.verificationRequested(envelope.id(),
							required(verification.userId(), "userId"), verification.toModel(properties.shopUrl())))
			.build();
	}

	/**
	 * What notification-service reads of {@code user.registered} / {@code user.updated}
	 * v1 (tolerant reader).
	 *
	 * @param userId the user
	 * @param email the e-mail address
	 * @param fullName the name
	 * @param emailVerified whether the address is verified; absent (an event from before
	 * verification existed) reads as not verified
	 * @param version the account's version
	 */
	record UserData(@Nullable UUID userId, @Nullable String email, @Nullable String fullName,
			@Nullable Boolean emailVerified, @Nullable Long version) {

		Recipient toRecipient() {
			return new Recipient(required(this.userId, "userId"), required(this.email, "email"),
					required(this.fullName, "fullName"), Boolean.TRUE.equals(this.emailVerified),
					required(this.version, "version"));
		}

	}

	/**
	 * What notification-service reads of {@code user.email-verification-requested} v1
	 * (tolerant reader).
	 *
	 * @param verificationId the code's id
	 * @param userId the user
	 * @param token the code
	 * @param expiresAt until when it works
	 */
	record VerificationData(@Nullable UUID verificationId, @Nullable UUID userId, @Nullable String token,
			@Nullable Instant expiresAt) {

		MailModel.VerifyEmail toModel(String shopUrl) {
			return new MailModel.VerifyEmail(required(this.verificationId, "verificationId"),
					required(this.token, "token"), required(this.expiresAt, "expiresAt").toString(), shopUrl);
		}

		@Override
		public String toString() {
			return "VerificationData[verificationId=" + this.verificationId + ", token=***]";
		}

	}

}
