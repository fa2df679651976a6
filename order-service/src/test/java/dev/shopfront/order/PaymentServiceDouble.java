package dev.shopfront.order;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.shopfront.chassis.messaging.EventEnvelope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import static org.awaitility.Awaitility.await;

/**
 * Plays the other side of the broker for order-service's tests: reads what order-service
 * publishes (payment commands, order events) from queues of its own, and sends what
 * payment-service and shipping-service would send, as CloudEvents in binary mode.
 */
public final class PaymentServiceDouble {

	private final RabbitTemplate rabbit;

	private final JsonMapper json = JsonMapper.builder().build();

	private final String commandsQueue;

	private final String orderEventsQueue;

	public PaymentServiceDouble(RabbitTemplate rabbit, AmqpAdmin admin) {
		this.rabbit = rabbit;
		this.commandsQueue = "test.payment-commands." + UUID.randomUUID();
		this.orderEventsQueue = "test.order-events." + UUID.randomUUID();
		bind(admin, this.commandsQueue, "payment.commands");
		bind(admin, this.orderEventsQueue, "order.events");
	}

	private static void bind(AmqpAdmin admin, String queue, String exchange) {
		Queue declared = new Queue(queue, false, false, false); // the vhost goes with the
																// test context
		TopicExchange topic = new TopicExchange(exchange, true, false);
		admin.declareExchange(topic);
		admin.declareQueue(declared);
		Binding binding = BindingBuilder.bind(declared).to(topic).with("#");
		admin.declareBinding(binding);
	}

	/** A message order-service published. */
	public record Published(String type, String subject, String id, JsonNode data, String body) {
	}

	/** The next payment command for the order, waiting for it. */
	public Published nextCommand(UUID orderId, String type) {
		return next(this.commandsQueue, orderId, type);
	}

	/** The next order event for the order, waiting for it. */
	public Published nextOrderEvent(UUID orderId, String type) {
		return next(this.orderEventsQueue, orderId, type);
	}

	/** Everything on both queues now, without waiting. */
	public List<Published> drain() {
		List<Published> all = new ArrayList<>();
		for (String queue : List.of(this.commandsQueue, this.orderEventsQueue)) {
			Message message;
			while ((message = this.rabbit.receive(queue)) != null) {
				all.add(read(message));
			}
		}
		return all;
	}

	private final List<Published> seen = new ArrayList<>();

	private synchronized Published next(String queue, UUID orderId, String type) {
		Published[] found = new Published[1];
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			for (Published published : this.seen) {
				if (published.subject().equals(orderId.toString()) && published.type().equals(type)) {
					found[0] = published;
					return true;
				}
			}
			Message message = this.rabbit.receive(queue, 200);
			if (message != null) {
				this.seen.add(read(message));
			}
			return false;
		});
		this.seen.remove(found[0]);
		return found[0];
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
		this.rabbit.send(exchange, type,
				new EventEnvelope(messageId, type, "/shopfront/test", Instant.now(), subject.toString(),
						EventEnvelope.dataschema(type, 1), null, null)
					.toMessage(data.getBytes(StandardCharsets.UTF_8)));
	}

}
