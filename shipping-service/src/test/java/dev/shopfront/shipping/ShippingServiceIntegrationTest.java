package dev.shopfront.shipping;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shopfront.testsupport.PublishedEvents;
import dev.shopfront.testsupport.ServiceIntegrationTest;
import dev.shopfront.testsupport.TestEvents;
import org.jspecify.annotations.Nullable;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.awaitility.Awaitility.await;

/**
 * shipping-service on a random port against its own fresh database and virtual host. It
 * takes order events the way order-service publishes them (CloudEvents binary mode on
 * {@code order.events}, each checked against its schema first); everything it publishes
 * on {@code shipping.events} is recorded, to be checked against its schema. Every
 * integration test class extends this, so they share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "shopfront.chassis.messaging.consumer.retry-delays=100ms,200ms")
@Import(ShippingServiceIntegrationTest.Plumbing.class)
public abstract class ShippingServiceIntegrationTest extends ServiceIntegrationTest {

	protected static final String ORDER_EVENTS = "order.events";

	protected static final String PARKED = "shipping.order-events.dlq";

	protected final ObjectMapper json = new ObjectMapper();

	@Autowired
	protected PublishedEvents published;

	/**
	 * An order event as order-service's outbox relay sends it: CloudEvents attributes in
	 * AMQP headers, the data as the body.
	 * @param type {@code order.confirmed} or {@code order.cancelled}
	 * @param orderId the order (the subject)
	 * @param data the data
	 * @param keepsToSchema whether the data must keep to the type's schema (checked here)
	 * @return the message
	 */
	protected Message event(String type, UUID orderId, Map<String, ?> data, boolean keepsToSchema) {
		return keepsToSchema ? TestEvents.message(type, orderId, data) : TestEvents.unchecked(type, orderId, data);
	}

	protected void send(Message event) {
		this.rabbit.send(ORDER_EVENTS, event.getMessageProperties().getType(), event);
	}

	/** {@code order.confirmed} of an order, with a two-line address in Berlin. */
	protected Message confirmed(UUID orderId, UUID userId) {
		return confirmed(orderId, userId, address("1 Demo Street", "Backyard", "Berlin", "10115", "DE"));
	}

	protected Message confirmed(UUID orderId, UUID userId, Map<String, ?> shippingAddress) {
		return event("order.confirmed", orderId,
				fields("orderId", orderId, "userId", userId, "items",
						List.of(fields("sku", "BOOK-0001", "quantity", 2, "unitPrice", "19.99")), "total", "39.98",
						"currency", "EUR", "shippingAddress", shippingAddress, "confirmedAt", Instant.now().toString()),
				true);
	}

	protected Message cancelled(UUID orderId, UUID userId) {
		return event("order.cancelled", orderId, fields("orderId", orderId, "userId", userId, "reason",
				"CUSTOMER_REQUEST", "cancelledAt", Instant.now().toString()), true);
	}

	protected static Map<String, Object> address(String line1, @Nullable String line2, String city, String postalCode,
			String country) {
		return fields("line1", line1, "line2", line2, "city", city, "postalCode", postalCode, "country", country);
	}

	/**
	 * Sends {@code order.confirmed} and waits for the order's shipment.
	 * @return the shipment's id
	 */
	protected UUID confirm(UUID orderId, UUID userId) {
		send(confirmed(orderId, userId));
		return awaitShipment(orderId);
	}

	/**
	 * Waits until an order has its shipment.
	 * @param orderId the order
	 * @return the shipment's id
	 */
	protected UUID awaitShipment(UUID orderId) {
		return await().atMost(WAIT)
			.until(() -> this.jdbc.sql("select id from shipments where order_id = ?")
				.param(orderId)
				.query(UUID.class)
				.optional()
				.orElse(null), Objects::nonNull);
	}

	/**
	 * Confirms a fresh order and waits for its shipment: every event sent before it (to
	 * the one consumer of the queue, in order) has been handled by then.
	 */
	protected void awaitEventsHandled() {
		confirm(UUID.randomUUID(), UUID.randomUUID());
	}

	protected long shipments(UUID orderId) {
		return this.jdbc.sql("select count(*) from shipments where order_id = ?")
			.param(orderId)
			.query(Long.class)
			.single();
	}

	protected String status(UUID shipmentId) {
		return this.jdbc.sql("select status from shipments where id = ?")
			.param(shipmentId)
			.query(String.class)
			.single();
	}

	/**
	 * Waits until exactly this many events about an order were published.
	 * @param orderId the order
	 * @param count how many
	 * @return them, in the order they arrived
	 */
	protected List<Message> awaitEvents(UUID orderId, int count) {
		return this.published.awaitAbout(orderId, count, WAIT);
	}

	/**
	 * Waits until a message is in the parking queue.
	 * @param messageId the message's id
	 * @return the parked copy
	 */
	protected Message awaitParked(String messageId) {
		return awaitParked(PARKED, messageId);
	}

	/**
	 * An event's data, after checking its envelope and that its schema accepts it.
	 * @param event the event
	 * @return the data
	 */
	protected JsonNode data(Message event) throws IOException {
		return PublishedEvents.checkedData(event, "shipping-service", "orderId");
	}

	protected static String type(Message event) {
		return PublishedEvents.type(event);
	}

	protected static Map<String, @Nullable Object> fields(@Nullable Object... entries) {
		return TestEvents.fields(entries);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Plumbing {

		@Bean(destroyMethod = "close")
		PublishedEvents publishedEvents(ConnectionFactory connections) {
			return PublishedEvents.tap(connections, "shipping.events");
		}

	}

}
