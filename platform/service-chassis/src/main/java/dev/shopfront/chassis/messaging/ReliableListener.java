package dev.shopfront.chassis.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.rabbitmq.client.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Message → inbox → handler, in one transaction, then ack. A duplicate is acknowledged
 * and skipped. A failed handler sends the message to the next retry queue (which returns
 * it after its delay); after the last retry, or at once when the message cannot be read,
 * it goes to the parking queue with the error. The copy is confirmed by the broker before
 * the original is acknowledged, so nothing is lost; if the copy fails the original is
 * requeued.
 */
class ReliableListener implements ChannelAwareMessageListener {

	private static final Logger log = LoggerFactory.getLogger(ReliableListener.class);

	/** How many times a message has been retried. */
	static final String ATTEMPT = "x-shopfront-attempt";

	/** Why it was retried or parked (no stack trace). */
	static final String ERROR = "x-shopfront-error";

	/** Where it was first published. */
	static final String ORIGINAL_EXCHANGE = "x-shopfront-original-exchange";

	static final String ORIGINAL_ROUTING_KEY = "x-shopfront-original-routing-key";

	static final String PARKED_AT = "x-shopfront-parked-at";

	private final MessageConsumer consumer;

	private final List<Duration> delays;

	private final Inbox inbox;

	private final TransactionTemplate transactions;

	private final RabbitTemplate rabbit;

	private final JsonMapper json;

	private final long confirmTimeoutMillis;

	private final Counter parked;

	ReliableListener(MessageConsumer consumer, List<Duration> delays, Inbox inbox, TransactionTemplate transactions,
			RabbitTemplate rabbit, JsonMapper json, Duration confirmTimeout, MeterRegistry meters) {
		this.consumer = consumer;
		// registered at start, so every queue shows 0 until something is parked
		this.parked = Counter.builder("shopfront.messages.parked")
			.description("Messages moved to the parking queue (the dead-letter story: docs/messaging.md)")
			.tag("queue", consumer.queue())
			.register(meters);
		this.delays = List.copyOf(delays);
		this.inbox = inbox;
		this.transactions = transactions;
		this.rabbit = rabbit;
		this.json = json;
		this.confirmTimeoutMillis = confirmTimeout.toMillis();
	}

	@Override
	public void onMessage(Message message, @Nullable Channel channel) throws Exception {
		long tag = message.getMessageProperties().getDeliveryTag();
		IncomingMessage incoming;
		try {
			incoming = read(message);
		}
		catch (InvalidMessageException | JacksonException ex) {
			forward(message, channel, tag, this.consumer.parkingQueue(), attempt(message),
					"unreadable: " + ex.getMessage());
			this.parked.increment();
			return;
		}
		try {
			this.transactions.executeWithoutResult((status) -> {
				if (this.inbox.firstDelivery(this.consumer.queue(), incoming.envelope().id())) {
					handle(incoming);
				}
				else {
					log.debug("Skipping duplicate {} {} on {}", incoming.envelope().type(), incoming.envelope().id(),
							this.consumer.queue());
				}
			});
		}
		catch (RuntimeException ex) {
			failed(message, channel, tag, incoming, ex);
			return;
		}
		ack(channel, tag);
	}

	private void handle(IncomingMessage incoming) {
		if (!this.consumer.reads(incoming.envelope())) {
			log.info("Skipping {} {} on {}: a version this consumer does not read ({})", incoming.envelope().type(),
					incoming.envelope().id(), this.consumer.queue(), incoming.envelope().dataschema());
			return;
		}
		try {
			this.consumer.handler().handle(incoming);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new HandlerFailedException(ex);
		}
	}

	private IncomingMessage read(Message message) {
		EventEnvelope envelope = EventEnvelope.readFrom(message.getMessageProperties());
		JsonNode data = this.json.readTree(message.getBody());
		if (data == null || data.isMissingNode()) {
			throw new InvalidMessageException("no JSON body");
		}
		return new IncomingMessage(envelope, data, this.json);
	}

	private void failed(Message message, @Nullable Channel channel, long tag, IncomingMessage incoming,
			RuntimeException ex) throws Exception {
		Throwable cause = (ex instanceof HandlerFailedException && ex.getCause() != null) ? ex.getCause() : ex;
		String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
		int attempt = attempt(message) + 1;
		if (attempt <= this.delays.size()) {
			log.warn("{} {} failed on {} (attempt {}), retrying in {}: {}", incoming.envelope().type(),
					incoming.envelope().id(), this.consumer.queue(), attempt, this.delays.get(attempt - 1), error);
			forward(message, channel, tag, this.consumer.retryQueue(attempt), attempt, error);
		}
		else {
			log.error("{} {} failed on {} after {} retries, parked in {}: {}", incoming.envelope().type(),
					incoming.envelope().id(), this.consumer.queue(), this.delays.size(), this.consumer.parkingQueue(),
					error);
			forward(message, channel, tag, this.consumer.parkingQueue(), attempt - 1, error);
			this.parked.increment();
		}
	}

	private void forward(Message message, @Nullable Channel channel, long tag, String queue, int attempt, String error)
			throws Exception {
		Message copy = copy(message, attempt, error, queue.endsWith(MessageConsumer.PARKING_SUFFIX));
		try {
			this.rabbit.invoke((operations) -> {
				operations.send("", queue, copy);
				operations.waitForConfirmsOrDie(this.confirmTimeoutMillis);
				return Boolean.TRUE;
			});
		}
		catch (RuntimeException ex) {
			log.warn("Could not move a message from {} to {}, requeueing it: {}", this.consumer.queue(), queue,
					ex.getMessage());
			if (channel != null) {
				channel.basicNack(tag, false, true);
			}
			return;
		}
		ack(channel, tag);
	}

	static Message copy(Message message, int attempt, String error, boolean parked) {
		MessageProperties original = message.getMessageProperties();
		MessageProperties properties = new MessageProperties();
		for (Map.Entry<String, @Nullable Object> header : original.getHeaders().entrySet()) {
			if (!header.getKey().startsWith("x-death") && header.getValue() != null) {
				properties.setHeader(header.getKey(), header.getValue());
			}
		}
		properties.setMessageId(original.getMessageId());
		properties.setType(original.getType());
		properties.setContentType(original.getContentType());
		properties.setContentEncoding(original.getContentEncoding());
		properties.setTimestamp(original.getTimestamp());
		properties.setAppId(original.getAppId());
		properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
		properties.setHeader(ATTEMPT, attempt);
		properties.setHeader(ERROR, (error.length() > 500) ? error.substring(0, 500) : error);
		String exchange = original.getReceivedExchange();
		if (!properties.getHeaders().containsKey(ORIGINAL_EXCHANGE) && exchange != null) {
			properties.setHeader(ORIGINAL_EXCHANGE, exchange);
			properties.setHeader(ORIGINAL_ROUTING_KEY, String.valueOf(original.getReceivedRoutingKey()));
		}
		if (parked) {
			properties.setHeader(PARKED_AT, Instant.now().toString());
		}
		return new Message(message.getBody(), properties);
	}

	static int attempt(Message message) {
		Object attempt = message.getMessageProperties().getHeaders().get(ATTEMPT);
		return (attempt instanceof Number number) ? number.intValue() : 0;
	}

	private static void ack(@Nullable Channel channel, long tag) throws Exception {
		if (channel != null) {
			channel.basicAck(tag, false);
		}
	}

	/** A handler threw a checked exception. */
	static final class HandlerFailedException extends RuntimeException {

		HandlerFailedException(Exception cause) {
			super(cause.getMessage(), cause);
		}

	}

}
