package dev.shopfront.chassis.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

/**
 * The CloudEvents 1.0 attributes of a message and its W3C trace context, carried in
 * binary mode as AMQP properties and {@code cloudEvents:*} headers (the names of the
 * CloudEvents AMQP binding); the body is the event's data alone (see docs/adr/0004).
 *
 * @param id unique id of the message, also the AMQP {@code message_id}
 * @param type the event type, also the routing key
 * @param source who published it, e.g. {@code /shopfront/user-service}
 * @param time when it happened
 * @param subject the aggregate it is about
 * @param dataschema the URI of the data's schema, which carries its version
 * @param traceparent W3C trace context of the request that wrote it
 * @param tracestate W3C trace state that goes with it
 */
public record EventEnvelope(String id, String type, String source, Instant time, String subject, String dataschema,
		@Nullable String traceparent, @Nullable String tracestate) {

	/** CloudEvents spec version. */
	public static final String SPEC_VERSION = "1.0";

	/** Prefix of the CloudEvents attributes among the AMQP headers. */
	public static final String PREFIX = "cloudEvents:";

	/** The base of every data schema URI: {@code <base><type>/v<version>}. */
	public static final String SCHEMA_BASE = "https://shopfront.dev/events/";

	/**
	 * The schema URI of a type and version.
	 * @param type the event type
	 * @param version the version
	 * @return the URI
	 */
	public static String dataschema(String type, int version) {
		return SCHEMA_BASE + type + "/v" + version;
	}

	/**
	 * Writes the envelope into AMQP properties.
	 * @param properties the message's properties
	 */
	public void writeTo(MessageProperties properties) {
		properties.setMessageId(this.id);
		properties.setType(this.type);
		properties.setContentType("application/json");
		properties.setContentEncoding("UTF-8");
		properties.setTimestamp(Date.from(this.time));
		properties.setAppId(this.source);
		properties.setHeader(PREFIX + "specversion", SPEC_VERSION);
		properties.setHeader(PREFIX + "id", this.id);
		properties.setHeader(PREFIX + "type", this.type);
		properties.setHeader(PREFIX + "source", this.source);
		properties.setHeader(PREFIX + "time", this.time.toString());
		properties.setHeader(PREFIX + "subject", this.subject);
		properties.setHeader(PREFIX + "dataschema", this.dataschema);
		if (this.traceparent != null) {
			properties.setHeader("traceparent", this.traceparent);
		}
		if (this.tracestate != null) {
			properties.setHeader("tracestate", this.tracestate);
		}
	}

	/**
	 * The message of this envelope and its data, as the outbox relay publishes it:
	 * persistent, the envelope in its properties and headers, the data as the body.
	 * @param data the event's data, JSON
	 * @return the message
	 */
	public Message toMessage(byte[] data) {
		MessageProperties properties = new MessageProperties();
		properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
		writeTo(properties);
		return new Message(data, properties);
	}

	/**
	 * A new envelope (fresh id, the current time, no trace context), for a producer that
	 * is not a Shopfront service's outbox, such as a test playing another service.
	 * @param type the event type
	 * @param version its schema version
	 * @param source who publishes it, e.g. {@code /shopfront/order-service}
	 * @param subject the aggregate it is about
	 * @return the envelope
	 */
	public static EventEnvelope of(String type, int version, String source, String subject) {
		return new EventEnvelope(UUID.randomUUID().toString(), type, source, Instant.now(), subject,
				dataschema(type, version), null, null);
	}

	/**
	 * Reads the envelope from AMQP properties.
	 * @param properties the message's properties
	 * @return the envelope
	 * @throws InvalidMessageException when a required attribute is missing or malformed
	 */
	public static EventEnvelope readFrom(MessageProperties properties) {
		Map<String, @Nullable Object> headers = properties.getHeaders();
		String version = text(headers, PREFIX + "specversion");
		if (!SPEC_VERSION.equals(version)) {
			throw new InvalidMessageException(
					"not a CloudEvents " + SPEC_VERSION + " message (specversion " + version + ")");
		}
		String time = required(headers, PREFIX + "time");
		try {
			return new EventEnvelope(required(headers, PREFIX + "id"), required(headers, PREFIX + "type"),
					required(headers, PREFIX + "source"), Instant.parse(time), required(headers, PREFIX + "subject"),
					required(headers, PREFIX + "dataschema"), text(headers, "traceparent"),
					text(headers, "tracestate"));
		}
		catch (DateTimeParseException ex) {
			throw new InvalidMessageException("malformed " + PREFIX + "time: " + time);
		}
	}

	private static String required(Map<String, @Nullable Object> headers, String name) {
		String value = text(headers, name);
		if (value == null || value.isBlank()) {
			throw new InvalidMessageException("missing " + name);
		}
		return value;
	}

	private static @Nullable String text(Map<String, @Nullable Object> headers, String name) {
		Object value = headers.get(name);
		return (value != null) ? value.toString() : null;
	}

}
