package dev.shopfront.chassis.messaging;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A consumer built type by type binds those types and hands each message's data, read as
 * the consumer's own record, to the handler of its type.
 */
class MessageConsumerTests {

	private final JsonMapper json = ChassisMessagingAutoConfiguration.messageJson();

	private final List<String> handled = new ArrayList<>();

	private final MessageConsumer consumer = MessageConsumer.of("test.widget-events", "widget.events")
		.on("widget.made", Widget.class, (widget) -> this.handled.add("made " + widget.name()))
		.on("widget.broken", Widget.class,
				(widget, envelope) -> this.handled.add("broken " + widget.name() + " in " + envelope.subject()))
		.build();

	@Test
	void bindsTheTypesItHandlesForVersionOne() {
		assertThat(this.consumer.queue()).isEqualTo("test.widget-events");
		assertThat(this.consumer.exchange()).isEqualTo("widget.events");
		assertThat(this.consumer.routingKeys()).containsExactly("widget.made", "widget.broken");
		assertThat(this.consumer.versions()).containsExactly(1);
	}

	@Test
	void handsEachTypeToItsHandlerAsTheConsumersRecord() throws Exception {
		this.consumer.handler().handle(message("widget.made", "w-1", "{\"name\": \"gear\", \"colour\": \"red\"}"));
		this.consumer.handler().handle(message("widget.broken", "w-2", "{\"name\": \"cog\"}"));
		assertThat(this.handled).containsExactly("made gear", "broken cog in w-2");
	}

	@Test
	void aTypeWithoutAHandlerCannotBeRead() {
		assertThatExceptionOfType(InvalidMessageException.class)
			.isThrownBy(() -> this.consumer.handler().handle(message("widget.sold", "w-3", "{\"name\": \"nut\"}")))
			.withMessageContaining("widget.sold");
		assertThat(this.handled).isEmpty();
	}

	private IncomingMessage message(String type, String subject, String data) {
		return new IncomingMessage(EventEnvelope.of(type, 1, "/shopfront/test", subject), this.json.readTree(data),
				this.json);
	}

	record Widget(String name) {
	}

}
