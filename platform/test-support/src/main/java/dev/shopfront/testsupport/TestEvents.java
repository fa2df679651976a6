package dev.shopfront.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

/**
 * Messages as a Shopfront service's outbox relay sends them (CloudEvents 1.0 binary mode:
 * the attributes as {@code cloudEvents:*} AMQP headers, the data as the body, a W3C
 * {@code traceparent}), for tests that play another service. The producer's
 * {@code source} follows from the type. The chassis' tests read these messages with its
 * own envelope, so the two cannot drift apart.
 */
public final class TestEvents {

	/** The trace context every test message carries. */
	public static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

	private TestEvents() {
	}

	/**
	 * A message whose data its schema in docs/events/schemas/ accepts (checked).
	 * @param type the event or command type, also the routing key
	 * @param subject the aggregate it is about
	 * @param data the data
	 * @return the message
	 */
	public static Message message(String type, Object subject, Object data) {
		byte[] body = json(data);
		EventSchemas.assertValid(type, 1, new String(body, StandardCharsets.UTF_8));
		return build(type, subject, UUID.randomUUID().toString(), body);
	}

	/**
	 * A message whose data need not keep to its schema, to test what a consumer does with
	 * a broken one.
	 * @param type the type
	 * @param subject the aggregate it is about
	 * @param data the data
	 * @return the message
	 */
	public static Message unchecked(String type, Object subject, Object data) {
		return build(type, subject, UUID.randomUUID().toString(), json(data));
	}

	/**
	 * A message with a given id and its data as written, to send one message twice (a
	 * redelivery, or a copy the producer published again) or data no schema would take.
	 * @param type the type
	 * @param subject the aggregate it is about
	 * @param id the message id ({@code cloudEvents:id})
	 * @param json the data, as JSON text
	 * @return the message
	 */
	public static Message raw(String type, Object subject, String id, String json) {
		return build(type, subject, id, json.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Data in a stable order, for readable failures.
	 * @param entries name, value, name, value, ...
	 * @return the map
	 */
	public static Map<String, @Nullable Object> fields(@Nullable Object... entries) {
		Map<String, @Nullable Object> data = new LinkedHashMap<>();
		for (int i = 0; i < entries.length; i += 2) {
			data.put((String) Objects.requireNonNull(entries[i]), entries[i + 1]);
		}
		return data;
	}

	/**
	 * The exchange a type is published to.
	 * @param type the type
	 * @return e.g. {@code order.events} for {@code order.confirmed}
	 */
	public static String exchange(String type) {
		return switch (type) {
			case "payment.authorize", "payment.refund" -> "payment.commands";
			default -> switch (type.substring(0, type.indexOf('.'))) {
				case "user" -> "user.events";
				case "order" -> "order.events";
				case "payment" -> "payment.events";
				case "shipment" -> "shipping.events";
				case "inventory" -> "inventory.events";
				case "legacy" -> "legacy.catalog";
				default -> throw new IllegalArgumentException("No exchange for " + type);
			};
		};
	}

	/**
	 * The service that publishes a type.
	 * @param type the type
	 * @return e.g. {@code order-service}
	 */
	public static String producer(String type) {
		return switch (exchange(type)) {
			case "user.events" -> "user-service";
			case "order.events", "payment.commands" -> "order-service";
			case "payment.events" -> "payment-service";
			case "shipping.events" -> "shipping-service";
			case "inventory.events" -> "inventory-service";
			case "legacy.catalog" -> "migration-sync";
			default -> throw new IllegalArgumentException("No producer of " + type);
		};
	}

	private static byte[] json(Object data) {
		try {
			return JSON.writeValueAsBytes(data);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Not JSON: " + data, ex);
		}
	}

	private static Message build(String type, Object subject, String id, byte[] body) {
		Instant time = Instant.now();
		String source = "/shopfront/" + producer(type);
		MessageProperties properties = new MessageProperties();
		properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
		properties.setMessageId(id);
		properties.setType(type);
		properties.setContentType("application/json");
		properties.setContentEncoding("UTF-8");
		properties.setTimestamp(Date.from(time));
		properties.setAppId(source);
		properties.setHeader("cloudEvents:specversion", "1.0");
		properties.setHeader("cloudEvents:id", id);
		properties.setHeader("cloudEvents:type", type);
		properties.setHeader("cloudEvents:source", source);
		properties.setHeader("cloudEvents:time", time.toString());
		properties.setHeader("cloudEvents:subject", subject.toString());
		properties.setHeader("cloudEvents:dataschema", "https://shopfront.dev/events/" + type + "/v1");
		properties.setHeader("traceparent", TRACEPARENT);
		return new Message(body, properties);
	}

}
