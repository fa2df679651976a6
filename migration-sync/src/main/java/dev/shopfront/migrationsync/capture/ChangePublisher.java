package dev.shopfront.migrationsync.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.shopfront.chassis.messaging.EventEnvelope;
import dev.shopfront.migrationsync.capture.events.LegacyProductChangedV1;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;

/**
 * Publishes a batch of changes and returns only when the broker confirmed every message
 * and routed each to a queue: a message the broker returns (no queue bound yet, say
 * inventory-service never ran) fails the batch, so the capture keeps the changes and
 * tries again instead of losing them. Mandatory messages on one channel of its own, in
 * the order of the log: the broker keeps that order into the queue.
 */
final class ChangePublisher implements AutoCloseable {

	private final ConnectionFactory factory;

	private final String exchange;

	private final Duration confirmTimeout;

	private final JsonMapper json;

	private final DefaultMessagePropertiesConverter converter = new DefaultMessagePropertiesConverter();

	private final Set<String> returned = ConcurrentHashMap.newKeySet();

	private @Nullable Connection connection;

	private @Nullable Channel channel;

	ChangePublisher(ConnectionFactory factory, String exchange, Duration confirmTimeout, JsonMapper json) {
		this.factory = factory;
		this.exchange = exchange;
		this.confirmTimeout = confirmTimeout;
		this.json = json;
	}

	/**
	 * Publishes the changes, in order.
	 * @param changes the changes
	 * @throws IOException when the broker cannot be reached, refused a message, or routed
	 * one to no queue
	 * @throws InterruptedException when interrupted while waiting for confirms
	 */
	synchronized void publish(List<LegacyProductChangedV1> changes) throws IOException, InterruptedException {
		if (changes.isEmpty()) {
			return;
		}
		Channel channel = channel();
		this.returned.clear();
		try {
			for (LegacyProductChangedV1 change : changes) {
				String id = "legacy-products-" + change.position() + "-" + change.sku();
				EventEnvelope envelope = new EventEnvelope(id, LegacyProductChangedV1.TYPE, "/shopfront/migration-sync",
						Instant.now(), change.sku(),
						EventEnvelope.dataschema(LegacyProductChangedV1.TYPE, LegacyProductChangedV1.VERSION), null,
						null);
				MessageProperties properties = new MessageProperties();
				envelope.writeTo(properties);
				properties.setDeliveryMode(org.springframework.amqp.core.MessageDeliveryMode.PERSISTENT);
				AMQP.BasicProperties amqp = this.converter.fromMessageProperties(properties, "UTF-8");
				channel.basicPublish(this.exchange, LegacyProductChangedV1.TYPE, true, amqp,
						this.json.writeValueAsString(change).getBytes(StandardCharsets.UTF_8));
			}
			channel.waitForConfirmsOrDie(this.confirmTimeout.toMillis());
		}
		catch (IOException | TimeoutException | RuntimeException ex) {
			close();
			throw (ex instanceof IOException io) ? io : new IOException(ex.getMessage(), ex);
		}
		if (!this.returned.isEmpty()) {
			throw new IOException("The broker routed " + this.returned.size() + " changes to no queue (exchange "
					+ this.exchange + "): is inventory-service's queue declared?");
		}
	}

	private Channel channel() throws IOException {
		if (this.channel != null && this.channel.isOpen()) {
			return this.channel;
		}
		close();
		try {
			this.connection = this.factory.newConnection("migration-sync capture");
		}
		catch (TimeoutException ex) {
			throw new IOException(ex);
		}
		Channel channel = this.connection.createChannel();
		channel.exchangeDeclare(this.exchange, BuiltinExchangeType.TOPIC, true);
		channel.confirmSelect();
		channel.addReturnListener((reply) -> this.returned.add(String.valueOf(reply.getProperties().getMessageId())));
		this.channel = channel;
		return channel;
	}

	@Override
	public synchronized void close() {
		try {
			if (this.connection != null && this.connection.isOpen()) {
				this.connection.close();
			}
		}
		catch (IOException | RuntimeException ex) {
			// closing a broken connection: nothing more to do
		}
		this.connection = null;
		this.channel = null;
	}

}
