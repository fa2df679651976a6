package dev.shopfront.shipping.shipment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The shipments, in PostgreSQL. Every write is one statement that the database decides:
 * an insert that a second shipment of the same order leaves out, and a status change that
 * happens only when the shipment is still where its reader found it.
 */
@Repository
class Shipments {

	/**
	 * First key of the advisory locks taken per order (the second is the order's hash).
	 */
	private static final int ORDER_LOCKS = 0x7368_6970;

	private static final String COLUMNS = """
			id, order_id, user_id, tracking_number, status, ship_line1, ship_line2, ship_city, ship_postal_code,
			ship_country, created_at, dispatched_at, delivered_at, cancelled_at
			""";

	private static final RowMapper<Shipment> SHIPMENT = Shipments::shipment;

	private final JdbcClient jdbc;

	Shipments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Makes the current transaction the only one, across instances, working on an order's
	 * shipment until it ends.
	 * @param orderId the order
	 */
	void lockOrder(UUID orderId) {
		this.jdbc.sql("select 1 from pg_advisory_xact_lock(?, hashtext(?))")
			.params(ORDER_LOCKS, orderId.toString())
			.query(Integer.class)
			.single();
	}

	/**
	 * Stores a new shipment, unless its order has one.
	 * @param shipment the shipment
	 * @return true when it was stored, false when the order had a shipment already
	 */
	boolean insert(Shipment shipment) {
		ShippingAddress address = shipment.shippingAddress();
		return this.jdbc.sql("""
				insert into shipments (id, order_id, user_id, tracking_number, status, ship_line1, ship_line2,
				                       ship_city, ship_postal_code, ship_country, created_at, dispatched_at,
				                       delivered_at, cancelled_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (order_id) do nothing
				""")
			.params(shipment.id(), shipment.orderId(), shipment.userId(), shipment.trackingNumber(),
					shipment.status().name(), address.line1(), address.line2(), address.city(), address.postalCode(),
					address.country(), timestamp(shipment.createdAt()), timestamp(shipment.dispatchedAt()),
					timestamp(shipment.deliveredAt()), timestamp(shipment.cancelledAt()),
					timestamp(shipment.createdAt()))
			.update() == 1;
	}

	/**
	 * Stores a shipment's transition, if the shipment is still in the status it moved
	 * from: one conditional UPDATE, so of two writers racing only one moves it.
	 * @param moved the shipment after the transition
	 * @param from the status it moved from
	 * @param now the time
	 * @return true when it moved, false when it was no longer in {@code from}
	 */
	boolean update(Shipment moved, ShipmentStatus from, Instant now) {
		return this.jdbc.sql("""
				update shipments set status = ?, dispatched_at = ?, delivered_at = ?, cancelled_at = ?, updated_at = ?
				where id = ? and status = ?
				""")
			.params(moved.status().name(), timestamp(moved.dispatchedAt()), timestamp(moved.deliveredAt()),
					timestamp(moved.cancelledAt()), timestamp(now), moved.id(), from.name())
			.update() == 1;
	}

	Optional<Shipment> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from shipments where id = ?").param(id).query(SHIPMENT).optional();
	}

	Optional<Shipment> findByOrder(UUID orderId) {
		return this.jdbc.sql("select " + COLUMNS + " from shipments where order_id = ?")
			.param(orderId)
			.query(SHIPMENT)
			.optional();
	}

	List<Shipment> ofOrder(UUID orderId) {
		return this.jdbc.sql("select " + COLUMNS + " from shipments where order_id = ? order by created_at, id")
			.param(orderId)
			.query(SHIPMENT)
			.list();
	}

	/**
	 * Remembers that an order was cancelled before it had a shipment.
	 * @param orderId the order
	 * @param now the time
	 */
	void rememberCancellation(UUID orderId, Instant now) {
		this.jdbc.sql("insert into cancelled_orders (order_id, cancelled_at) values (?, ?) on conflict do nothing")
			.params(orderId, timestamp(now))
			.update();
	}

	/**
	 * Whether an order was cancelled before it had a shipment.
	 * @param orderId the order
	 * @return true when it was
	 */
	boolean cancelledBefore(UUID orderId) {
		return this.jdbc.sql("select count(*) from cancelled_orders where order_id = ?")
			.param(orderId)
			.query(Long.class)
			.single() > 0;
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static Shipment shipment(ResultSet rs, int row) throws SQLException {
		return new Shipment(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
				rs.getObject("user_id", UUID.class), rs.getString("tracking_number"),
				ShipmentStatus.valueOf(rs.getString("status")),
				new ShippingAddress(rs.getString("ship_line1"), rs.getString("ship_line2"), rs.getString("ship_city"),
						rs.getString("ship_postal_code"), rs.getString("ship_country")),
				rs.getTimestamp("created_at").toInstant(), instant(rs, "dispatched_at"), instant(rs, "delivered_at"),
				instant(rs, "cancelled_at"));
	}

}
