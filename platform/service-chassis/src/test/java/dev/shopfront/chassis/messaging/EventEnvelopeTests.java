package dev.shopfront.chassis.messaging;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The envelope survives the trip through AMQP properties, and a message made from it is
 * what the relay publishes.
 */
class EventEnvelopeTests {

	@Test
	void aMessageCarriesTheEnvelopeInBinaryModeAndIsPersistent() {
		EventEnvelope envelope = EventEnvelope.of("order.confirmed", 1, "/shopfront/order-service", "order-1");
		Message message = envelope.toMessage("{\"orderId\":\"order-1\"}".getBytes(StandardCharsets.UTF_8));

		assertThat(message.getMessageProperties().getDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
		assertThat(message.getMessageProperties().getMessageId()).isEqualTo(envelope.id());
		assertThat(message.getMessageProperties().getType()).isEqualTo("order.confirmed");
		assertThat(message.getMessageProperties().getContentType()).isEqualTo("application/json");
		assertThat((String) message.getMessageProperties().getHeader("cloudEvents:dataschema"))
			.isEqualTo("https://shopfront.dev/events/order.confirmed/v1");
		assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"orderId\":\"order-1\"}");
		assertThat(EventEnvelope.readFrom(message.getMessageProperties())).isEqualTo(envelope);
	}

	@Test
	void everyNewEnvelopeHasItsOwnId() {
		assertThat(EventEnvelope.of("user.registered", 1, "/shopfront/test", "u").id())
			.isNotEqualTo(EventEnvelope.of("user.registered", 1, "/shopfront/test", "u").id());
	}

}
