package dev.shopfront.user.account.events;

/**
 * The exchange user-service publishes its events to (schemas in docs/events/).
 */
public final class UserEvents {

	/** Topic exchange of account events; routing key = event type. */
	public static final String EXCHANGE = "user.events";

	private UserEvents() {
	}

}
