package dev.shopfront.chassis.messaging;

/**
 * What kind of integration event a message is and where it goes: the topic exchange, the
 * CloudEvents type (also the routing key) and the schema version of its data. Declared
 * once per event record, e.g. {@code UserRegisteredV1.TYPE}; the record itself is only
 * data.
 *
 * @param exchange the topic exchange, e.g. {@code user.events}
 * @param type the event type and routing key, e.g. {@code user.registered}
 * @param schemaVersion the version of the data's schema, e.g. 1
 */
public record EventType(String exchange, String type, int schemaVersion) {

	/**
	 * The URI of the data's schema, which names its version.
	 * @return e.g. {@code https://shopfront.dev/events/user.registered/v1}
	 */
	public String dataschema() {
		return EventEnvelope.dataschema(this.type, this.schemaVersion);
	}

}
