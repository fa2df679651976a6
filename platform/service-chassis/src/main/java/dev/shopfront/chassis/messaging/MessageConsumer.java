package dev.shopfront.chassis.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
	 * Starts a consumer that handles each of its event types in its own way, the data
	 * read as a record of the consumer's own (a tolerant reader):
	 *
	 * <pre>
	 * MessageConsumer.of("order.payment-events", "payment.events")
	 *     .on("payment.authorized", PaymentReply.class, (reply) -&gt; saga.paymentAuthorized(...))
	 *     .on("payment.declined", PaymentReply.class, (reply) -&gt; saga.paymentDeclined(...))
	 *     .build();
	 * </pre>
	 * @param queue the queue
	 * @param exchange the exchange
	 * @return the builder
	 */
	public static Builder of(String queue, String exchange) {
		return new Builder(queue, exchange);
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

	/**
	 * Applies the data of one event type.
	 *
	 * @param <T> the record the data is read as
	 */
	@FunctionalInterface
	public interface DataHandler<T> {

		void handle(T data) throws Exception;

	}

	/**
	 * Applies the data of one event type, with its envelope (for its id, when the effect
	 * is keyed by the message).
	 *
	 * @param <T> the record the data is read as
	 */
	@FunctionalInterface
	public interface EnvelopedDataHandler<T> {

		void handle(T data, EventEnvelope envelope) throws Exception;

	}

	/** Builds a consumer that dispatches on the event type. */
	public static final class Builder {

		private final String queue;

		private final String exchange;

		private final Map<String, MessageHandler> handlers = new LinkedHashMap<>();

		private Builder(String queue, String exchange) {
			this.queue = queue;
			this.exchange = exchange;
		}

		/**
		 * Handles an event type.
		 * @param <T> the record its data is read as
		 * @param type the type, also bound as a routing key
		 * @param data the record
		 * @param handler what to do with it
		 * @return this builder
		 */
		public <T> Builder on(String type, Class<T> data, DataHandler<T> handler) {
			return on(type, data, (T read, EventEnvelope envelope) -> handler.handle(read));
		}

		/**
		 * Handles an event type, with the message's envelope.
		 * @param <T> the record its data is read as
		 * @param type the type, also bound as a routing key
		 * @param data the record
		 * @param handler what to do with it
		 * @return this builder
		 */
		public <T> Builder on(String type, Class<T> data, EnvelopedDataHandler<T> handler) {
			this.handlers.put(type, (message) -> handler.handle(message.data(data), message.envelope()));
			return this;
		}

		/**
		 * The consumer of version 1 of the types handled.
		 * @return the consumer
		 */
		public MessageConsumer build() {
			Map<String, MessageHandler> dispatch = Map.copyOf(this.handlers);
			return new MessageConsumer(this.queue, this.exchange, List.copyOf(this.handlers.keySet()), (message) -> {
				MessageHandler handler = dispatch.get(message.envelope().type());
				if (handler == null) {
					// only the bound types arrive; a binding left from an older version
					// would bring others
					throw new InvalidMessageException("No handler for " + message.envelope().type());
				}
				handler.handle(message);
			});
		}

	}

}
