package dev.shopfront.chassis.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;

/**
 * The broker objects of a consumer: its durable quorum queue bound to the exchange for
 * its routing keys, one retry queue per delay (messages wait there for the delay, then
 * the broker dead-letters them back to the consumer's queue), and its parking queue.
 */
final class ConsumerTopology {

	private ConsumerTopology() {
	}

	static Declarables of(MessageConsumer consumer, List<Duration> delays) {
		List<Declarable> declarables = new ArrayList<>();
		TopicExchange exchange = new TopicExchange(consumer.exchange(), true, false);
		Queue queue = QueueBuilder.durable(consumer.queue()).quorum().build();
		declarables.add(exchange);
		declarables.add(queue);
		for (String routingKey : consumer.routingKeys()) {
			Binding binding = BindingBuilder.bind(queue).to(exchange).with(routingKey);
			declarables.add(binding);
		}
		for (int attempt = 1; attempt <= delays.size(); attempt++) {
			declarables.add(QueueBuilder.durable(consumer.retryQueue(attempt))
				.quorum()
				.ttl((int) delays.get(attempt - 1).toMillis())
				.deadLetterExchange("")
				.deadLetterRoutingKey(consumer.queue())
				// at-least-once dead-lettering: a message is not lost if the broker fails
				// while
				// moving it back (requires reject-publish overflow)
				.withArgument("x-dead-letter-strategy", "at-least-once")
				.overflow(QueueBuilder.Overflow.rejectPublish)
				.build());
		}
		declarables.add(QueueBuilder.durable(consumer.parkingQueue()).quorum().build());
		return new Declarables(declarables);
	}

}
