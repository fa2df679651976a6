package dev.shopfront.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A tap on an exchange: a queue of its own bound with {@code #} records every message a
 * service publishes there, so a test can look for what it expects. Close it (a bean's
 * destroy method) to stop listening and drop the queue.
 */
public final class PublishedEvents implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final List<Message> messages = new CopyOnWriteArrayList<>();

	private final SimpleMessageListenerContainer container;

	private final RabbitAdmin admin;

	private final String queue;

	private PublishedEvents(ConnectionFactory connections, String exchange) {
		this.admin = new RabbitAdmin(connections);
		this.queue = "test-tap." + exchange + "." + UUID.randomUUID();
		// the exchange as the services declare it (durable topic): whoever comes first
		TopicExchange topic = new TopicExchange(exchange, true, false);
		this.admin.declareExchange(topic);
		Queue declared = new Queue(this.queue, false, true, true);
		this.admin.declareQueue(declared);
		Binding binding = BindingBuilder.bind(declared).to(topic).with("#");
		this.admin.declareBinding(binding);
		this.container = new SimpleMessageListenerContainer(connections);
		this.container.setQueueNames(this.queue);
		this.container.setMessageListener(this.messages::add);
		this.container.start();
	}

	/**
	 * Starts recording what is published to an exchange (declared if it is not yet).
	 * @param connections the broker of the test
	 * @param exchange the topic exchange
	 * @return the tap
	 */
	public static PublishedEvents tap(ConnectionFactory connections, String exchange) {
		return new PublishedEvents(connections, exchange);
	}

	/**
	 * Every message so far.
	 * @return them, in the order they arrived
	 */
	public List<Message> all() {
		return List.copyOf(this.messages);
	}

	/**
	 * The messages about an aggregate so far.
	 * @param subject the aggregate ({@code cloudEvents:subject})
	 * @return them, in the order they arrived
	 */
	public List<Message> about(Object subject) {
		return this.messages.stream()
			.filter((message) -> subject.toString().equals(header(message, "cloudEvents:subject")))
			.toList();
	}

	/**
	 * Waits until exactly this many messages about an aggregate arrived.
	 * @param subject the aggregate
	 * @param count how many
	 * @param wait how long at most
	 * @return them, in the order they arrived
	 */
	public List<Message> awaitAbout(Object subject, int count, Duration wait) {
		await().atMost(wait).until(() -> about(subject).size() >= count);
		List<Message> about = about(subject);
		assertThat(about).as("messages about %s", subject).hasSize(count);
		return about;
	}

	/**
	 * Waits until exactly this many messages of a type about an aggregate arrived.
	 * @param subject the aggregate
	 * @param type the CloudEvents type
	 * @param count how many
	 * @param wait how long at most
	 * @return them, in the order they arrived
	 */
	public List<Message> awaitAbout(Object subject, String type, int count, Duration wait) {
		await().atMost(wait).until(() -> about(subject, type).size() >= count);
		List<Message> about = about(subject, type);
		assertThat(about).as("%s messages about %s", type, subject).hasSize(count);
		return about;
	}

	private List<Message> about(Object subject, String type) {
		return about(subject).stream().filter((message) -> type.equals(type(message))).toList();
	}

	/**
	 * The data of a message a service published, after checking its CloudEvents envelope
	 * (spec version, source, schema URI, id, time, routing key = type) and that its
	 * schema accepts the data.
	 * @param message the message
	 * @param producer the service that published it, e.g. {@code payment-service}
	 * @param subjectField the data's field that must equal the subject, e.g.
	 * {@code orderId}
	 * @return the data
	 */
	public static JsonNode checkedData(Message message, String producer, String subjectField) {
		MessageProperties properties = message.getMessageProperties();
		Map<String, Object> headers = properties.getHeaders();
		String type = type(message);
		assertThat(headers).containsEntry("cloudEvents:specversion", "1.0")
			.containsEntry("cloudEvents:source", "/shopfront/" + producer)
			.containsEntry("cloudEvents:dataschema", "https://shopfront.dev/events/" + type + "/v1")
			.containsKeys("cloudEvents:id", "cloudEvents:time", "cloudEvents:subject");
		assertThat(properties.getMessageId()).isEqualTo(headers.get("cloudEvents:id"));
		assertThat(properties.getReceivedExchange()).isEqualTo(TestEvents.exchange(type));
		assertThat(properties.getReceivedRoutingKey()).isEqualTo(type);
		EventSchemas.assertValid(type, 1, new String(message.getBody(), StandardCharsets.UTF_8));
		try {
			JsonNode data = JSON.readTree(message.getBody());
			assertThat(data.get(subjectField).asText()).isEqualTo(headers.get("cloudEvents:subject"));
			return data;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The CloudEvents type of a message.
	 * @param message the message
	 * @return its {@code cloudEvents:type}
	 */
	public static String type(Message message) {
		return header(message, "cloudEvents:type");
	}

	private static String header(Message message, String name) {
		Object value = message.getMessageProperties().getHeaders().get(name);
		return (value != null) ? value.toString() : "";
	}

	@Override
	public void close() {
		this.container.stop();
		try {
			this.admin.deleteQueue(this.queue);
		}
		catch (RuntimeException ex) {
			// the vhost may be gone with its context already
		}
	}

}
