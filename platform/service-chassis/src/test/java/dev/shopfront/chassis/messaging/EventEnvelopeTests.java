package dev.shopfront.chassis.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;

import dev.shopfront.testsupport.TestEvents;

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

	@Test
	void theTestSupportsMessagesAreWhatTheEnvelopeReads() {
		// tests of every service play other services with TestEvents: it must build what
		// the
		// relay sends
		Message message = TestEvents.message("order.cancelled", "o-1",
				Map.of("orderId", "5b0c6f4e-2f8a-4d0e-9a57-3c1f0b9e7d21", "userId",
						"3f1c2a9e-8d4b-4f6a-9c1e-2b7d5e8a0f13", "reason", "CUSTOMER_REQUEST", "cancelledAt",
						"2026-12-06T10:00:00Z"));
		EventEnvelope envelope = EventEnvelope.readFrom(message.getMessageProperties());
		assertThat(envelope.type()).isEqualTo("order.cancelled");
		assertThat(envelope.source()).isEqualTo("/shopfront/order-service");
		assertThat(envelope.subject()).isEqualTo("o-1");
		assertThat(envelope.dataschema()).isEqualTo(EventEnvelope.dataschema("order.cancelled", 1));
		assertThat(envelope.traceparent()).isEqualTo(TestEvents.TRACEPARENT);
		assertThat(message.getMessageProperties().getMessageId()).isEqualTo(envelope.id());
	}

}
