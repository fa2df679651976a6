package dev.shopfront.notification.mail;

/**
 * Where a notification stands.
 */
public enum NotificationStatus {

	/**
	 * Recorded, not sent yet: waiting for its turn, its recipient, or its next attempt.
	 */
	PENDING,

	/** The mail server accepted it. */
	SENT,

	/** Given up: it could not be prepared, or every attempt failed. Kept, never sent. */
	FAILED

}
