package dev.shopfront.chassis.messaging;

import java.util.ArrayList;
import java.util.List;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.SmartLifecycle;

/**
 * Runs one listener container per {@link MessageConsumer}: manual acknowledgements,
 * bounded prefetch, the {@link ReliableListener} in front of the handler.
 */
class ConsumerContainers implements SmartLifecycle {

	private final List<SimpleMessageListenerContainer> containers = new ArrayList<>();

	private volatile boolean running;

	ConsumerContainers(ConnectionFactory connectionFactory, List<MessageConsumer> consumers, int prefetch,
			int concurrency, java.util.function.Function<MessageConsumer, ReliableListener> listeners) {
		for (MessageConsumer consumer : consumers) {
			SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
			container.setQueueNames(consumer.queue());
			container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
			container.setPrefetchCount(prefetch);
			container.setConcurrentConsumers(concurrency);
			container.setMessageListener(listeners.apply(consumer));
			container.setListenerId(consumer.queue());
			container.setMissingQueuesFatal(false);
			container.afterPropertiesSet();
			this.containers.add(container);
		}
	}

	@Override
	public void start() {
		this.containers.forEach(SimpleMessageListenerContainer::start);
		this.running = true;
	}

	@Override
	public void stop() {
		this.containers.forEach(SimpleMessageListenerContainer::stop);
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 2000;
	}

}
