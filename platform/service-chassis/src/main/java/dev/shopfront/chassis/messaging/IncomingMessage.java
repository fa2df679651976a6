package dev.shopfront.chassis.messaging;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A message as a handler sees it: its envelope and its JSON data, read tolerantly (fields
 * the consumer does not know are ignored).
 *
 * @param envelope the CloudEvents attributes
 * @param data the data
 * @param json the tolerant reader
 */
public record IncomingMessage(EventEnvelope envelope, JsonNode data, JsonMapper json) {

	/**
	 * The data as a consumer's own record of the fields it needs.
	 * @param <T> the record type
	 * @param type the record class
	 * @return the data
	 */
	public <T> T data(Class<T> type) {
		return this.json.treeToValue(this.data, type);
	}

	/**
	 * Reads data as every consumer receives it, for the tests of a consumer's records:
	 * what they take, what they ignore, what they refuse.
	 * @param <T> the record type
	 * @param json the data, as a producer publishes it
	 * @param type the record class
	 * @return the data
	 */
	public static <T> T readData(String json, Class<T> type) {
		return ChassisMessagingAutoConfiguration.messageJson().readValue(json, type);
	}

}
