package dev.shopfront.chassis.web;

import java.sql.SQLException;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Tells a failure of the infrastructure that will likely pass (the database restarting or
 * refusing connections, the pool exhausted, the broker unreachable, a lock or
 * serialization conflict) from a bug: the first is a 503 the client may retry, the second
 * a 500. Decided by the exception types and SQL states anywhere in the cause chain, by
 * name, so a service without JDBC or AMQP on its class path uses it too.
 */
public final class TransientFailures {

	/** Types (or their subtypes) that say "try again later". */
	private static final Set<String> TRANSIENT_TYPES = Set.of("java.sql.SQLTransientException",
			"java.sql.SQLRecoverableException", "java.sql.SQLNonTransientConnectionException",
			"java.net.ConnectException", "org.springframework.dao.TransientDataAccessException",
			"org.springframework.dao.RecoverableDataAccessException",
			"org.springframework.dao.DataAccessResourceFailureException",
			"org.springframework.transaction.CannotCreateTransactionException",
			// a commit or rollback the database did not complete: the connection broke
			"org.springframework.transaction.TransactionSystemException",
			"org.hibernate.exception.JDBCConnectionException", "org.springframework.amqp.AmqpConnectException",
			"org.springframework.amqp.AmqpIOException", "org.springframework.amqp.AmqpTimeoutException",
			"org.springframework.amqp.AmqpResourceNotAvailableException");

	/** Hibernate's failures to commit or roll back, transient when JDBC caused them. */
	private static final Set<String> HIBERNATE_TRANSACTION_FAILURES = Set.of("org.hibernate.TransactionException");

	/**
	 * Subtypes of the above that are not the infrastructure's: a lost optimistic-locking
	 * race is a 409 the client resolves by reading again.
	 */
	private static final Set<String> NOT_TRANSIENT_TYPES = Set
		.of("org.springframework.dao.OptimisticLockingFailureException");

	private TransientFailures() {
	}

	/**
	 * Whether the failure is the infrastructure's and likely to pass.
	 * @param failure what was thrown
	 * @return true for a lost or refused connection, an exhausted pool, a server shutting
	 * down or starting, a broker that cannot be reached, a deadlock or serialization
	 * failure
	 */
	public static boolean isTransient(@Nullable Throwable failure) {
		int depth = 0;
		for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
			if (is(t, NOT_TRANSIENT_TYPES)) {
				return false;
			}
			if (is(t, TRANSIENT_TYPES)) {
				return true;
			}
			if (t instanceof SQLException sql && transientState(sql.getSQLState())) {
				return true;
			}
			if (is(t, HIBERNATE_TRANSACTION_FAILURES) && t.getCause() instanceof SQLException) {
				// Hibernate could not commit or roll back on its JDBC connection: the
				// connection broke (after a database restart the pool answers only
				// "Connection is closed", without a SQL state)
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	/**
	 * The SQL state of the first SQL exception in the cause chain.
	 * @param failure what was thrown
	 * @return its SQL state, or null when no SQL exception caused it
	 */
	public static @Nullable String sqlState(@Nullable Throwable failure) {
		int depth = 0;
		for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return null;
	}

	/**
	 * Whether a SQL state says the server could not be used right now: connection
	 * exceptions (class 08), insufficient resources such as too many connections (53),
	 * the server shutting down or starting (57P01 to 57P03), serialization failures and
	 * deadlocks (40001, 40P01), a lock not available (55P03).
	 * @param state the SQL state
	 * @return whether it is transient
	 */
	static boolean transientState(@Nullable String state) {
		if (state == null || state.length() != 5) {
			return false;
		}
		return state.startsWith("08") || state.startsWith("53") || state.equals("57P01") || state.equals("57P02")
				|| state.equals("57P03") || state.equals("40001") || state.equals("40P01") || state.equals("55P03");
	}

	private static boolean is(Throwable t, Set<String> names) {
		for (Class<?> type = t.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
			if (names.contains(type.getName())) {
				return true;
			}
		}
		return false;
	}

}
