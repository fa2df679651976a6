package dev.shopfront.chassis.messaging;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * A minimal service on the chassis that publishes {@code widget.created} through the
 * outbox and consumes it through the inbox, for testing the messaging backbone against
 * real servers.
 */
@SpringBootApplication
class MessagingTestApplication {

	static final String EXCHANGE = "widget.events";

	static final String QUEUE = "chassis-test.widgets";

	/** A plain queue that sees every published copy, duplicates included. */
	static final String RAW_QUEUE = "chassis-test.raw";

	@Bean
	TopicExchange widgetEvents() {
		return new TopicExchange(EXCHANGE, true, false);
	}

	@Bean
	Queue rawQueue() {
		return new Queue(RAW_QUEUE, true);
	}

	@Bean
	Binding rawBinding() {
		return BindingBuilder.bind(rawQueue()).to(widgetEvents()).with("#");
	}

	@Bean
	MessageConsumer widgetConsumer(Receiver receiver) {
		return new MessageConsumer(QUEUE, EXCHANGE, List.of(WidgetCreatedV1.TYPE.type()), receiver::receive);
	}

	record WidgetCreatedV1(String widgetId, String name) {

		static final EventType TYPE = new EventType(EXCHANGE, "widget.created", 1);

		UUID publishTo(Outbox outbox) {
			return outbox.publish(TYPE, this.widgetId, this);
		}

	}

	@Service
	static class Widgets {

		private final JdbcClient jdbc;

		private final Outbox outbox;

		Widgets(JdbcClient jdbc, Outbox outbox) {
			this.jdbc = jdbc;
			this.outbox = outbox;
		}

		@Transactional
		public UUID create(UUID id, String name, boolean failAfterWriting) {
			this.jdbc.sql("insert into widgets (id, name) values (?, ?)").params(id, name).update();
			new WidgetCreatedV1(id.toString(), name).publishTo(this.outbox);
			if (failAfterWriting) {
				throw new IllegalStateException("rolled back on purpose");
			}
			return id;
		}

	}

	/** Records what it receives; fails for names in {@link #failing}. */
	@Service
	static class Receiver {

		final Set<String> failing = ConcurrentHashMap.newKeySet();

		final AtomicInteger calls = new AtomicInteger();

		/** When each delivery of a failing message was handled, in order. */
		final List<Long> failedAt = new java.util.concurrent.CopyOnWriteArrayList<>();

		private final JdbcClient jdbc;

		Receiver(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		void receive(IncomingMessage message) {
			this.calls.incrementAndGet();
			WidgetCreatedV1 widget = message.data(WidgetCreatedV1.class);
			if (this.failing.contains(widget.name())) {
				this.failedAt.add(System.nanoTime());
				throw new IllegalStateException("cannot handle " + widget.name() + " yet");
			}
			this.jdbc.sql("insert into received_widgets (message_id, subject, name) values (?, ?, ?)")
				.params(message.envelope().id(), message.envelope().subject(), widget.name())
				.update();
		}

	}

}
