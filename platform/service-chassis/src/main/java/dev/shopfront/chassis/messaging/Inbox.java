package dev.shopfront.chassis.messaging;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Remembers which messages each consumer has handled, in the transaction of the handler's
 * effects: a duplicate or redelivered message finds its id there and changes nothing.
 */
public class Inbox {

	private final JdbcClient jdbc;

	public Inbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a message for a consumer, unless it was recorded before.
	 * @param consumer the consumer (its queue)
	 * @param messageId the message's id
	 * @return true the first time, false for a duplicate
	 */
	public boolean firstDelivery(String consumer, String messageId) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Inbox.firstDelivery needs the transaction of the handler's effects");
		}
		return this.jdbc.sql("insert into inbox (consumer, message_id) values (?, ?) on conflict do nothing")
			.params(consumer, messageId)
			.update() == 1;
	}

	/**
	 * Forgets ids older than a cut-off, after which a redelivery is no longer expected.
	 * @param cutoff the cut-off
	 * @return rows deleted
	 */
	public int forgetBefore(Instant cutoff) {
		return this.jdbc.sql("delete from inbox where received_at < ?").param(Timestamp.from(cutoff)).update();
	}

}
