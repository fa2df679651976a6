package dev.shopfront.chassis.messaging;

import java.util.List;
import java.util.Set;

/**
 * A consumer of integration events: its own durable quorum queue
 * {@code <service>.<purpose>} bound to an exchange for some routing keys, and the handler
 * that applies each message. Declared as a bean; the chassis declares the queue with its
 * retry and parking queues and runs the listener. Messages of a version the consumer does
 * not read (by {@code cloudEvents:dataschema}) are acknowledged and skipped, never handed
 * to the handler: during a transition the producer publishes two versions of each event,
 * and each consumer takes the one it knows.
 *
 * @param queue the queue, e.g. {@code notification.user-events}
 * @param exchange the exchange it reads from, e.g. {@code user.events}
 * @param routingKeys the event types it wants, e.g. {@code user.registered}
 * @param versions the versions of those types it reads
 * @param handler what to do with each message
 */
public record MessageConsumer(String queue, String exchange, List<String> routingKeys, Set<Integer> versions,
		MessageHandler handler) {

	/** Suffix of the parking queue. */
	public static final String PARKING_SUFFIX = ".dlq";

	public MessageConsumer {
		routingKeys = List.copyOf(routingKeys);
		versions = Set.copyOf(versions);
		if (versions.isEmpty()) {
			throw new IllegalArgumentException("a consumer reads at least one version");
		}
	}

	/**
	 * A consumer of version 1 of its event types.
	 * @param queue the queue
	 * @param exchange the exchange
	 * @param routingKeys the event types
	 * @param handler what to do with each message
	 */
	public MessageConsumer(String queue, String exchange, List<String> routingKeys, MessageHandler handler) {
		this(queue, exchange, routingKeys, Set.of(1), handler);
	}

	/**
	 * Whether the consumer reads this message's version.
	 * @param envelope the message's envelope
	 * @return whether its {@code dataschema} is a version this consumer reads
	 */
	public boolean reads(EventEnvelope envelope) {
		return this.versions.stream()
			.anyMatch((version) -> EventEnvelope.dataschema(envelope.type(), version).equals(envelope.dataschema()));
	}

	public String parkingQueue() {
		return this.queue + PARKING_SUFFIX;
	}

	public String retryQueue(int attempt) {
		return this.queue + ".retry." + attempt;
	}

}
