package dev.shopfront.chassis.messaging;

/**
 * An event or command another service may consume: a versioned record whose components
 * are the message's JSON data, and which names where it goes. Implementations are records
 * such as {@code UserRegisteredV1}, kept apart from domain types.
 */
public interface IntegrationEvent {

	/**
	 * The topic exchange it is published to, e.g. {@code user.events}.
	 * @return the exchange
	 */
	String exchange();

	/**
	 * The CloudEvents type, also the routing key, e.g. {@code user.registered}.
	 * @return the type
	 */
	String type();

	/**
	 * The schema version of the data, e.g. 1; consumers find the schema by type and
	 * version.
	 * @return the version
	 */
	int schemaVersion();

	/**
	 * The CloudEvents subject: the id of the aggregate it is about. Messages with the
	 * same subject are published in the order they were written.
	 * @return the subject
	 */
	String subject();

}
