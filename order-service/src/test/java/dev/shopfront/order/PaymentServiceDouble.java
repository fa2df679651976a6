package dev.shopfront.order;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import dev.shopfront.chassis.messaging.EventEnvelope;
import dev.shopfront.testsupport.PublishedEvents;
import dev.shopfront.testsupport.TestEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import static org.awaitility.Awaitility.await;

/**
 * Plays the other side of the broker for order-service's tests: taps what order-service
 * publishes (payment commands, order events) and sends what payment-service,
 * shipping-service and user-service would send (test-support's {@link TestEvents}). Close
 * it after the test.
 */
public final class PaymentServiceDouble implements AutoCloseable {

	private final RabbitTemplate rabbit;

	private final JsonMapper json = JsonMapper.builder().build();

	private final PublishedEvents commands;

	private final PublishedEvents orderEvents;

	/** The copies already handed to the test (each published copy once). */
	private final Set<Message> taken = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

	public PaymentServiceDouble(RabbitTemplate rabbit) {
		this.rabbit = rabbit;
		this.commands = PublishedEvents.tap(rabbit.getConnectionFactory(), "payment.commands");
		this.orderEvents = PublishedEvents.tap(rabbit.getConnectionFactory(), "order.events");
	}

	/** A message order-service published. */
	public record Published(String type, String subject, String id, JsonNode data, String body) {
	}

	/** The next payment command for the order, waiting for it. */
	public Published nextCommand(UUID orderId, String type) {
		return next(this.commands, orderId, type);
	}

	/** The next order event for the order, waiting for it. */
	public Published nextOrderEvent(UUID orderId, String type) {
		return next(this.orderEvents, orderId, type);
	}

	/** Everything published so far and not yet handed out, without waiting. */
	public List<Published> drain() {
		return Stream.of(this.commands, this.orderEvents)
			.flatMap((tap) -> tap.all().stream())
			.filter(this.taken::add)
			.map(this::read)
			.toList();
	}

	private Published next(PublishedEvents tap, UUID orderId, String type) {
		Message found = await().atMost(Duration.ofSeconds(20))
			.until(() -> tap.about(orderId)
				.stream()
				.filter((message) -> type.equals(PublishedEvents.type(message)) && !this.taken.contains(message))
				.findFirst()
				.orElse(null), Objects::nonNull);
		this.taken.add(found);
		return read(found);
	}

	private Published read(Message message) {
		EventEnvelope envelope = EventEnvelope.readFrom(message.getMessageProperties());
		String body = new String(message.getBody(), StandardCharsets.UTF_8);
		return new Published(envelope.type(), envelope.subject(), envelope.id(), this.json.readTree(body), body);
	}

	public void authorized(UUID orderId, UUID paymentId) {
		send("payment.events", "payment.authorized", orderId, UUID.randomUUID().toString(), "{\"orderId\":\"" + orderId
				+ "\",\"paymentId\":\"" + paymentId + "\",\"amount\":\"10.00\",\"currency\":\"EUR\"}");
	}

	public void declined(UUID orderId) {
		send("payment.events", "payment.declined", orderId, UUID.randomUUID().toString(), "{\"orderId\":\"" + orderId
				+ "\",\"paymentId\":\"" + UUID.randomUUID() + "\",\"reason\":\"card_declined\"}");
	}

	public void refunded(UUID orderId, UUID paymentId) {
		send("payment.events", "payment.refunded", orderId, UUID.randomUUID().toString(),
				"{\"orderId\":\"" + orderId + "\",\"paymentId\":\"" + paymentId + "\",\"refundId\":\""
						+ UUID.randomUUID() + "\",\"amount\":\"10.00\",\"currency\":\"EUR\"}");
	}

	public void shipment(String type, UUID orderId) {
		send("shipping.events", type, orderId, UUID.randomUUID().toString(),
				"{\"orderId\":\"" + orderId + "\",\"shipmentId\":\"" + UUID.randomUUID() + "\"}");
	}

	public void userEvent(String type, String messageId, UUID userId, String data) {
		send("user.events", type, userId, messageId, data);
	}

	/** Sends a message with the given id (a redelivery when it repeats one). */
	public void send(String exchange, String type, UUID subject, String messageId, String data) {
		this.rabbit.send(exchange, type, TestEvents.raw(type, subject, messageId, data));
	}

	@Override
	public void close() {
		this.commands.close();
		this.orderEvents.close();
	}

}
