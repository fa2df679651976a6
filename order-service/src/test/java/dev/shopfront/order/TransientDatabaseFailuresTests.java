package dev.shopfront.order;

import java.sql.SQLException;

import dev.shopfront.chassis.web.TransientFailures;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;

import org.springframework.orm.jpa.JpaSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a PostgreSQL restart makes of a request in a JPA service is a failure the client
 * may retry (503), not a bug (500): the exact chain the fault suite met in order-service.
 */
class TransientDatabaseFailuresTests {

	@Test
	void aRollbackOnAConnectionThePoolClosedIsTransient() {
		// JpaSystemException: Unable to rollback against JDBC Connection; caused by
		// Hikari's "Connection is closed" (no SQL state)
		JpaSystemException rollbackFailed = new JpaSystemException(new TransactionException(
				"Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));
		assertThat(TransientFailures.isTransient(rollbackFailed)).isTrue();
	}

	@Test
	void aTransactionMisuseIsNot() {
		assertThat(TransientFailures
			.isTransient(new JpaSystemException(new TransactionException("Transaction not successfully started"))))
			.isFalse();
	}

}
