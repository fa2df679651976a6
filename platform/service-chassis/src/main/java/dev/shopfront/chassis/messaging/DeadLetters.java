package dev.shopfront.chassis.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.rabbitmq.client.GetResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The parking queues of this service's consumers, for operators
 * ({@code /actuator/deadletters}, ADMIN only): how many messages each holds, what they
 * are and why they were parked, and replay into the consumer's queue once the cause is
 * fixed.
 */
@Endpoint(id = "deadletters")
public class DeadLetters {

	private static final int BODY_PREVIEW = 2000;

	private final Map<String, MessageConsumer> byParkingQueue = new LinkedHashMap<>();

	private final RabbitTemplate rabbit;

	private final RabbitAdmin admin;

	private final long confirmTimeoutMillis;

	DeadLetters(List<MessageConsumer> consumers, RabbitTemplate rabbit, RabbitAdmin admin, long confirmTimeoutMillis) {
		consumers.forEach((consumer) -> this.byParkingQueue.put(consumer.parkingQueue(), consumer));
		this.rabbit = rabbit;
		this.admin = admin;
		this.confirmTimeoutMillis = confirmTimeoutMillis;
	}

	/**
	 * The parking queues and how many messages each holds.
	 * @return queue name to message count
	 */
	@ReadOperation
	public Map<String, Object> queues() {
		Map<String, Object> counts = new LinkedHashMap<>();
		for (String queue : this.byParkingQueue.keySet()) {
			Properties properties = this.admin.getQueueProperties(queue);
			counts.put(queue, (properties != null) ? properties.get(RabbitAdmin.QUEUE_MESSAGE_COUNT) : null);
		}
		return Map.of("parkingQueues", counts);
	}

	/**
	 * Shows up to {@code limit} parked messages without removing them.
	 * @param queue the parking queue
	 * @param limit how many (default 20, at most 200)
	 * @return the messages, or null (404) for a queue that is not one of ours
	 */
	@ReadOperation
	public @Nullable List<Map<String, Object>> messages(@Selector String queue, @Nullable Integer limit) {
		if (!this.byParkingQueue.containsKey(queue)) {
			return null;
		}
		int max = Math.max(1, Math.min((limit != null) ? limit : 20, 200));
		return this.rabbit.execute((channel) -> {
			List<Map<String, Object>> shown = new ArrayList<>();
			long lastTag = -1;
			var converter = new DefaultMessagePropertiesConverter();
			for (int i = 0; i < max; i++) {
				GetResponse response = channel.basicGet(queue, false);
				if (response == null) {
					break;
				}
				lastTag = response.getEnvelope().getDeliveryTag();
				MessageProperties properties = converter.toMessageProperties(response.getProps(),
						response.getEnvelope(), "UTF-8");
				shown.add(describe(new Message(response.getBody(), properties)));
			}
			if (lastTag >= 0) {
				channel.basicNack(lastTag, true, true);
			}
			return shown;
		});
	}

	/**
	 * Moves parked messages back to the consumer's queue, each with a fresh set of
	 * retries; a message leaves the parking queue only after the broker confirmed its
	 * copy. ({@code POST /actuator/deadletters/{queue}/replay}, optional body
	 * {@code {"limit": n}}).
	 * @param queue the parking queue
	 * @param action must be {@code replay}
	 * @param limit how many at most (default all)
	 * @return how many were replayed, or null (404) for a queue that is not one of ours
	 */
	@WriteOperation
	public @Nullable Map<String, Object> replay(@Selector String queue, @Selector String action,
			@Nullable Integer limit) {
		MessageConsumer consumer = this.byParkingQueue.get(queue);
		if (consumer == null || !"replay".equals(action)) {
			return null;
		}
		Properties before = this.admin.getQueueProperties(queue);
		int max = (before != null && before.get(RabbitAdmin.QUEUE_MESSAGE_COUNT) instanceof Number count)
				? count.intValue() : 0;
		Integer replayed = this.rabbit.invoke((operations) -> operations.execute((channel) -> {
			int moved = 0;
			var converter = new DefaultMessagePropertiesConverter();
			while (moved < max) {
				GetResponse response = channel.basicGet(queue, false);
				if (response == null) {
					break;
				}
				MessageProperties properties = converter.toMessageProperties(response.getProps(),
						response.getEnvelope(), "UTF-8");
				properties.getHeaders().remove(ReliableListener.ATTEMPT);
				properties.getHeaders().remove(ReliableListener.PARKED_AT);
				channel.basicPublish("", consumer.queue(), true, converter.fromMessageProperties(properties, "UTF-8"),
						response.getBody());
				channel.waitForConfirmsOrDie(this.confirmTimeoutMillis);
				channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
				moved++;
			}
			return moved;
		}));
		return Map.of("queue", queue, "replayedTo", consumer.queue(), "replayed", (replayed != null) ? replayed : 0);
	}

	private static Map<String, Object> describe(Message message) {
		MessageProperties properties = message.getMessageProperties();
		Map<String, Object> shown = new LinkedHashMap<>();
		shown.put("messageId", properties.getMessageId());
		shown.put("type", properties.getType());
		shown.put("headers", new LinkedHashMap<>(properties.getHeaders()));
		String body = new String(message.getBody(), StandardCharsets.UTF_8);
		shown.put("body", (body.length() > BODY_PREVIEW) ? body.substring(0, BODY_PREVIEW) + "…" : body);
		return shown;
	}

}
