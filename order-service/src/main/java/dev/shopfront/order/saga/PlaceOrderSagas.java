package dev.shopfront.order.saga;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.shopfront.order.saga.PlaceOrderSaga.Payment;
import dev.shopfront.order.saga.PlaceOrderSaga.Step;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sagas, in plain SQL: a saga is written over the version it was read at, and only
 * when it changed.
 */
@Repository
class PlaceOrderSagas {

	private static final String SELECT = """
			select order_id, step, payment, payment_id, card_token, payment_deadline, started_at, updated_at, version
			from checkout_sagas
			""";

	private final JdbcClient jdbc;

	PlaceOrderSagas(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<PlaceOrderSaga> findById(UUID orderId) {
		return this.jdbc.sql(SELECT + " where order_id = ?").param(orderId).query(PlaceOrderSagas::saga).optional();
	}

	/**
	 * The saga, locked until the end of the transaction: deciders of one saga (a reply, a
	 * sweeper, a customer's cancel, on any instance) take turns, and each reads the order
	 * as the previous one left it.
	 * @param orderId the order
	 * @return the saga
	 */
	Optional<PlaceOrderSaga> findForDecision(UUID orderId) {
		return this.jdbc.sql(SELECT + " where order_id = ? for no key update")
			.param(orderId)
			.query(PlaceOrderSagas::saga)
			.optional();
	}

	/** Sagas waiting for a payment whose deadline has passed, oldest first. */
	List<PlaceOrderSaga> findOverdue(Instant now, int limit) {
		return this.jdbc
			.sql(SELECT
					+ " where step = 'AWAITING_PAYMENT' and payment_deadline <= ? order by payment_deadline limit ?")
			.params(Timestamp.from(now), limit)
			.query(PlaceOrderSagas::saga)
			.list();
	}

	/** Sagas still reserving that have not moved since the given time, oldest first. */
	List<PlaceOrderSaga> findReservingSince(Instant before, int limit) {
		return this.jdbc.sql(SELECT + " where step = 'RESERVING' and updated_at <= ? order by updated_at limit ?")
			.params(Timestamp.from(before), limit)
			.query(PlaceOrderSagas::saga)
			.list();
	}

	/**
	 * Stores a saga: a new one as version 0; a stored one, when it changed, over the
	 * version it was read at (then one newer).
	 * @param saga the saga
	 * @throws OptimisticLockingFailureException when another writer changed it meanwhile
	 */
	void save(PlaceOrderSaga saga) {
		PlaceOrderSaga.Stored stored = saga.stored();
		if (stored == null) {
			this.jdbc.sql("""
					insert into checkout_sagas (order_id, step, payment, payment_id, card_token, payment_deadline,
					                            started_at, updated_at, version)
					values (?, ?, ?, ?, ?, ?, ?, ?, 0)
					""")
				.params(saga.orderId(), saga.step().name(), saga.payment().name(), saga.paymentId(), saga.cardToken(),
						timestamp(saga.paymentDeadline()), Timestamp.from(saga.startedAt()),
						Timestamp.from(saga.updatedAt()))
				.update();
			saga.stored(0);
			return;
		}
		if (!stored.changed(saga)) {
			return;
		}
		int updated = this.jdbc.sql("""
				update checkout_sagas set step = ?, payment = ?, payment_id = ?, card_token = ?, payment_deadline = ?,
				                          updated_at = ?, version = version + 1
				where order_id = ? and version = ?
				""")
			.params(saga.step().name(), saga.payment().name(), saga.paymentId(), saga.cardToken(),
					timestamp(saga.paymentDeadline()), Timestamp.from(saga.updatedAt()), saga.orderId(),
					stored.version())
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException(
					"Saga of order " + saga.orderId() + " was changed since version " + stored.version());
		}
		saga.stored(stored.version() + 1);
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static PlaceOrderSaga saga(ResultSet rs, int n) throws SQLException {
		Timestamp deadline = rs.getTimestamp("payment_deadline");
		return new PlaceOrderSaga(rs.getObject("order_id", UUID.class), Step.valueOf(rs.getString("step")),
				Payment.valueOf(rs.getString("payment")), rs.getObject("payment_id", UUID.class),
				rs.getString("card_token"), (deadline != null) ? deadline.toInstant() : null,
				rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getLong("version"));
	}

}
