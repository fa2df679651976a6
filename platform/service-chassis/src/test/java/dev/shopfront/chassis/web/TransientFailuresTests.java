package dev.shopfront.chassis.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What counts as a passing failure of the infrastructure (503) and what as a bug (500).
 */
class TransientFailuresTests {

	@Test
	void aRollbackThatFailsOnAClosedConnectionIsTransient() {
		// a rollback on a connection the driver reports closed (08003); the JPA variant,
		// with the pool's state-less "Connection is closed", is in order-service's tests
		Throwable failure = new UncategorizedDataAccessException("Unable to rollback against JDBC Connection",
				new RuntimeException("rollback", new SQLException("This connection has been closed.", "08003"))) {
		};
		assertThat(TransientFailures.isTransient(failure)).isTrue();
		assertThat(TransientFailures.isTransient(new TransactionSystemException("commit failed",
				new SQLException("terminating connection due to administrator command", "57P01"))))
			.isTrue();
	}

	@Test
	void anExhaustedPoolAndRefusedConnectionsAreTransient() {
		assertThat(TransientFailures.isTransient(new CannotCreateTransactionException("no connection",
				new SQLTransientConnectionException("pool - Connection is not available"))))
			.isTrue();
		assertThat(TransientFailures.isTransient(new SQLException("sorry, too many clients already", "53300")))
			.isTrue();
		assertThat(TransientFailures.isTransient(new SQLException("the database system is starting up", "57P03")))
			.isTrue();
		assertThat(TransientFailures.isTransient(new IllegalStateException(new ConnectException("refused")))).isTrue();
		assertThat(TransientFailures.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
	}

	@Test
	void bugsAndClientErrorsAreNot() {
		assertThat(TransientFailures.isTransient(new IllegalStateException("a bug"))).isFalse();
		assertThat(TransientFailures.isTransient(new DataIntegrityViolationException("duplicate",
				new SQLException("duplicate key value violates unique constraint", "23505"))))
			.isFalse();
		assertThat(TransientFailures.isTransient(new SQLException("value too long", "22001"))).isFalse();
		assertThat(TransientFailures.isTransient(new OptimisticLockingFailureException("lost the race"))).isFalse();
		assertThat(TransientFailures.isTransient(null)).isFalse();
	}

}
