package dev.shopfront.order;

import java.sql.SQLException;

import dev.shopfront.chassis.web.TransientFailures;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a PostgreSQL restart makes of a request in order-service is a failure the client
 * may retry (503), not a bug (500): a rollback on a connection the pool closed, as
 * {@code DataSourceTransactionManager} reports it.
 */
class TransientDatabaseFailuresTests {

	@Test
	void aRollbackOnAConnectionThePoolClosedIsTransient() {
		// "JDBC rollback failed", caused by Hikari's "Connection is closed" (no SQL
		// state)
		TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		assertThat(TransientFailures.isTransient(rollbackFailed)).isTrue();
	}

	@Test
	void aTransactionMisuseIsNot() {
		assertThat(
				TransientFailures.isTransient(new IllegalTransactionStateException("Pre-bound JDBC Connection found")))
			.isFalse();
	}

}
