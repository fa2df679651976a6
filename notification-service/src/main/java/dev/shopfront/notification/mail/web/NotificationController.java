package dev.shopfront.notification.mail.web;

import dev.shopfront.chassis.openapi.ProblemResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.shopfront.chassis.security.Caller;
import dev.shopfront.notification.mail.Notification;
import dev.shopfront.notification.mail.NotificationPage;
import dev.shopfront.notification.mail.Notifications;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notification log: what was sent to a user, when, and how it went. A customer sees
 * their own (the token's subject is their user id); an administrator anyone's with
 * {@code ?userId=}.
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

	/** The largest page a client may ask for. */
	static final int MAX_PAGE_SIZE = 100;

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	/**
	 * Lists the e-mails sent (or being sent) to a user, newest first: the caller's own,
	 * or for an ADMIN those of {@code userId}.
	 */
	@GetMapping
	@ProblemResponse(status = 403, type = "forbidden", title = "Forbidden",
			when = "`userId` names another user and the caller is not an ADMIN, or the caller has no account")
	PageResponse listNotifications(@RequestParam(required = false) @Nullable UUID userId,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size, Authentication caller) {
		NotificationPage result = this.notifications.ofUser(whose(userId, caller), page, size);
		return new PageResponse(result.content().stream().map(NotificationResponse::of).toList(),
				new PageResponse.PageInfo(result.number(), result.size(), result.totalElements(), result.totalPages()));
	}

	/** The user whose log the caller asks for, if the caller may see it. */
	private static UUID whose(@Nullable UUID userId, Authentication authentication) {
		Caller caller = Caller.of(authentication);
		if (userId == null) {
			return caller.userId()
				.orElseThrow(() -> new NotYoursException(
						"This account has no notifications: pass userId if you may see a user's."));
		}
		if (!caller.mayActFor(userId)) {
			throw new NotYoursException("Only administrators may see another user's notifications.");
		}
		return userId;
	}

	/**
	 * A notification as the API shows it.
	 *
	 * @param id the notification
	 * @param template WELCOME, ORDER_CONFIRMED, ORDER_CANCELLED or ORDER_DISPATCHED
	 * @param recipient the address it went (or goes) to; null while the user's data has
	 * not arrived
	 * @param subject the subject line
	 * @param status PENDING, SENT or FAILED
	 * @param attempts attempts to send it so far
	 * @param createdAt when it was recorded
	 * @param sentAt when the mail server accepted it, or null
	 * @param lastError why the last attempt failed; left out when none did
	 * @param orderId the order it is about; left out for a welcome
	 */
	record NotificationResponse(UUID id, String template, @Nullable String recipient, String subject, String status,
			int attempts, Instant createdAt, @Nullable Instant sentAt,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String lastError,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable UUID orderId) {

		static NotificationResponse of(Notification notification) {
			return new NotificationResponse(notification.id(), notification.template().name(), notification.recipient(),
					notification.subject(), notification.status().name(), notification.attempts(),
					notification.createdAt(), notification.sentAt(), notification.lastError(), notification.orderId());
		}

	}

	/**
	 * A page of notifications.
	 *
	 * @param content the notifications, newest first
	 * @param page where this page stands
	 */
	record PageResponse(List<NotificationResponse> content, PageInfo page) {

		/**
		 * Where a page stands.
		 *
		 * @param number page number from 0
		 * @param size page size
		 * @param totalElements the user's notifications
		 * @param totalPages pages in all
		 */
		record PageInfo(int number, int size, long totalElements, int totalPages) {
		}

	}

	/** The caller may not see this user's notifications. */
	static class NotYoursException extends RuntimeException {

		NotYoursException(String message) {
			super(message);
		}

	}

}
