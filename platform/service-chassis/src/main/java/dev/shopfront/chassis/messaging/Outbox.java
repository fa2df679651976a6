package dev.shopfront.chassis.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import dev.shopfront.chassis.tracing.StoredTrace;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes integration events into the outbox table, in the transaction of the state change
 * they announce: both commit or neither does. The current W3C trace context is stored
 * with the row, so the consumer's span joins the trace of the request that wrote it.
 * After commit the relay is woken, so delivery takes milliseconds, not a polling
 * interval.
 */
public class Outbox {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final String source;

	private final Clock clock;

	private final Runnable wakeRelay;

	public Outbox(JdbcClient jdbc, JsonMapper json, String source, Clock clock, Runnable wakeRelay) {
		this.jdbc = jdbc;
		this.json = json;
		this.source = source;
		this.clock = clock;
		this.wakeRelay = wakeRelay;
	}

	/**
	 * Adds an event to the outbox of the current transaction.
	 * @param type what kind of event it is and where it goes
	 * @param subject the id of the aggregate it is about; events with the same subject
	 * are published in the order they were written
	 * @param data the event's data, a versioned record serialized as the message body
	 * @return the message id it will carry
	 * @throws IllegalStateException when no transaction is active: an outbox row written
	 * on its own would announce a change that may never commit
	 */
	public UUID publish(EventType type, String subject, Object data) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Outbox.publish needs an active transaction: the event must commit "
					+ "together with the change it announces");
		}
		UUID id = UUID.randomUUID();
		StoredTrace trace = StoredTrace.current();
		this.jdbc.sql("""
				insert into outbox (message_id, exchange, routing_key, type, source, subject, dataschema, payload,
				                    traceparent, tracestate, created_at, next_attempt_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(id, type.exchange(), type.type(), type.type(), this.source, subject, type.dataschema(),
					this.json.writeValueAsString(data), trace.traceparent(), trace.tracestate(),
					Timestamp.from(this.clock.instant()), Timestamp.from(this.clock.instant()))
			.update();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Outbox.this.wakeRelay.run();
			}
		});
		return id;
	}

}
