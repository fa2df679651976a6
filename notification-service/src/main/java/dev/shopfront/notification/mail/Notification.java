package dev.shopfront.notification.mail;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One e-mail, as the notification log shows it.
 *
 * @param id the notification
 * @param template which e-mail
 * @param userId whom it is for
 * @param orderId the order it is about, or null
 * @param recipient the address it went (or goes) to, or null while the user's data has
 * not arrived
 * @param subject the subject line
 * @param status where it stands
 * @param attempts attempts to send it so far
 * @param createdAt when it was recorded
 * @param sentAt when the mail server accepted it, or null
 * @param lastError why the last attempt failed, or null
 */
public record Notification(UUID id, Template template, UUID userId, @Nullable UUID orderId, @Nullable String recipient,
		String subject, NotificationStatus status, int attempts, Instant createdAt, @Nullable Instant sentAt,
		@Nullable String lastError) {
}
