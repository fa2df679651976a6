package dev.shopfront.notification.mail.messaging;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * Checks on the fields notification-service reads from events: an event that breaks its
 * contract fails its handler, so the chassis retries it and then parks it for an
 * operator.
 */
final class EventData {

	private EventData() {
	}

	static <T> T required(@Nullable T value, String field) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			throw new InvalidEventException(field + " is missing");
		}
		return value;
	}

	static String decimal(@Nullable String value, String field) {
		String text = required(value, field);
		try {
			new BigDecimal(text);
			return text;
		}
		catch (NumberFormatException ex) {
			throw new InvalidEventException(field + " must be a decimal string such as \"59.98\"");
		}
	}

	/** An event that breaks its contract; retrying cannot help. */
	static class InvalidEventException extends RuntimeException {

		InvalidEventException(String message) {
			super(message);
		}

	}

}
