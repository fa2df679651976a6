package dev.shopfront.chassis.messaging;

/**
 * A message that cannot be understood (no envelope, not JSON): retrying cannot help, so
 * it is parked at once.
 */
public class InvalidMessageException extends RuntimeException {

	public InvalidMessageException(String message) {
		super(message);
	}

}
