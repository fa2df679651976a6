package dev.shopfront.chassis.messaging;

import java.util.List;

/**
 * A consumer of integration events: its own durable quorum queue
 * {@code <service>.<purpose>} bound to an exchange for some routing keys, and the handler
 * that applies each message. Declared as a bean; the chassis declares the queue with its
 * retry and parking queues and runs the listener.
 *
 * @param queue the queue, e.g. {@code notification.user-events}
 * @param exchange the exchange it reads from, e.g. {@code user.events}
 * @param routingKeys the event types it wants, e.g. {@code user.registered}
 * @param handler what to do with each message
 */
public record MessageConsumer(String queue, String exchange, List<String> routingKeys, MessageHandler handler) {

	/** Suffix of the parking queue. */
	public static final String PARKING_SUFFIX = ".dlq";

	public MessageConsumer {
		routingKeys = List.copyOf(routingKeys);
	}

	public String parkingQueue() {
		return this.queue + PARKING_SUFFIX;
	}

	public String retryQueue(int attempt) {
		return this.queue + ".retry." + attempt;
	}

}
