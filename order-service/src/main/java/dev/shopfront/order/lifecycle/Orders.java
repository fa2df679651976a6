package dev.shopfront.order.lifecycle;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The orders, in plain SQL. An order is read with its lines and history (three
 * statements, or three per page) and written with only what changed since it was read:
 * its row, over the version it was read at; the prices of its lines; the entries added to
 * its history.
 */
@Repository
public class Orders {

	private static final String COLUMNS = """
			id, user_id, status, reason, currency, total, ship_line1, ship_line2, ship_city, ship_postal_code,
			ship_country, created_at, updated_at, version
			""";

	private final JdbcClient jdbc;

	Orders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An order with its lines and history.
	 * @param id the order
	 * @return the order, if there is one
	 */
	public Optional<Order> findById(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from orders where id = ?")
			.param(id)
			.query(Orders::row)
			.optional()
			.map((row) -> row.order(lines(List.of(id)).getOrDefault(id, List.of()),
					history(List.of(id)).getOrDefault(id, List.of())));
	}

	/**
	 * A page of orders, newest first.
	 * @param userId whose orders, or null for everyone's
	 * @param page page number from 0
	 * @param size page size
	 * @return the page
	 */
	public OrderPage page(@Nullable UUID userId, int page, int size) {
		String where = (userId != null) ? " where user_id = ?" : "";
		var count = this.jdbc.sql("select count(*) from orders" + where);
		var select = this.jdbc
			.sql("select " + COLUMNS + " from orders" + where + " order by created_at desc, id desc limit ? offset ?");
		if (userId != null) {
			count = count.param(userId);
			select = select.param(userId);
		}
		List<Row> rows = select.param(size).param((long) page * size).query(Orders::row).list();
		long total = count.query(Long.class).single();
		List<UUID> ids = rows.stream().map(Row::id).toList();
		Map<UUID, List<OrderLine>> lines = ids.isEmpty() ? Map.of() : lines(ids);
		Map<UUID, List<StatusChange>> history = ids.isEmpty() ? Map.of() : history(ids);
		List<Order> orders = rows.stream()
			.map((row) -> row.order(lines.getOrDefault(row.id(), List.of()), history.getOrDefault(row.id(), List.of())))
			.toList();
		return new OrderPage(orders, page, size, total);
	}

	/**
	 * Stores an order: a new one with its lines and history as version 0; a stored one,
	 * when it changed, with its row over the version it was read at (then one newer), the
	 * new prices of its lines and the new entries of its history.
	 * @param order the order
	 * @throws OptimisticLockingFailureException when another writer changed it meanwhile
	 */
	public void save(Order order) {
		Order.Stored stored = order.stored();
		if (stored == null) {
			insert(order);
			return;
		}
		if (!stored.changed(order)) {
			return;
		}
		int updated = this.jdbc.sql("""
				update orders set status = ?, reason = ?, currency = ?, total = ?, updated_at = ?, version = version + 1
				where id = ? and version = ?
				""")
			.params(order.status().name(), order.reason(), order.currency(), order.total(),
					Timestamp.from(order.updatedAt()), order.id(), stored.version())
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException(
					"Order " + order.id() + " was changed or removed since version " + stored.version());
		}
		if (!order.lines().equals(stored.lines())) {
			// only their prices ever change: all of them in one statement
			String[] prices = order.lines()
				.stream()
				.map((line) -> (line.unitPrice() != null) ? line.unitPrice().toPlainString() : null)
				.toArray(String[]::new);
			this.jdbc.sql("update order_lines set unit_price = (cast(? as numeric[]))[line_no + 1] where order_id = ?")
				.params(prices, order.id())
				.update();
		}
		insertHistory(order, stored.history());
		order.stored(stored.version() + 1);
	}

	private void insert(Order order) {
		ShippingAddress address = order.shippingAddress();
		this.jdbc.sql("""
				insert into orders (id, user_id, status, reason, currency, total, ship_line1, ship_line2, ship_city,
				                    ship_postal_code, ship_country, created_at, updated_at, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
				""")
			.params(order.id(), order.userId(), order.status().name(), order.reason(), order.currency(), order.total(),
					address.line1(), address.line2(), address.city(), address.postalCode(), address.country(),
					Timestamp.from(order.createdAt()), Timestamp.from(order.updatedAt()))
			.update();
		List<OrderLine> lines = order.lines();
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			OrderLine line = lines.get(i);
			rows.add(Arrays.asList(order.id(), i, line.sku(), line.quantity(), line.unitPrice()));
		}
		insertRows("order_lines (order_id, line_no, sku, quantity, unit_price)", rows);
		insertHistory(order, 0);
		order.stored(0);
	}

	/** Inserts the order's history entries from the given one on, in one statement. */
	private void insertHistory(Order order, int from) {
		List<StatusChange> history = order.history();
		if (from >= history.size()) {
			return;
		}
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (int i = from; i < history.size(); i++) {
			StatusChange change = history.get(i);
			rows.add(
					Arrays.asList(order.id(), i, change.status().name(), change.reason(), Timestamp.from(change.at())));
		}
		insertRows("order_history (order_id, entry_no, status, reason, at)", rows);
	}

	private Map<UUID, List<OrderLine>> lines(Collection<UUID> ids) {
		return byOrder("select order_id, sku, quantity, unit_price from order_lines", "line_no", ids,
				(rs, n) -> new OrderLine(rs.getString("sku"), rs.getInt("quantity"), rs.getBigDecimal("unit_price")));
	}

	private Map<UUID, List<StatusChange>> history(Collection<UUID> ids) {
		return byOrder("select order_id, status, reason, at from order_history", "entry_no", ids,
				(rs, n) -> new StatusChange(OrderStatus.valueOf(rs.getString("status")), rs.getString("reason"),
						rs.getTimestamp("at").toInstant()));
	}

	/**
	 * The rows of a table of the orders' children, per order, in the given column's
	 * order.
	 */
	private <T> Map<UUID, List<T>> byOrder(String select, String position, Collection<UUID> ids, RowMapper<T> child) {
		Map<UUID, List<T>> children = new HashMap<>();
		this.jdbc.sql(select + " where order_id in (:ids) order by order_id, " + position)
			.param("ids", ids)
			.query((RowCallbackHandler) (rs) -> children
				.computeIfAbsent(rs.getObject("order_id", UUID.class), (id) -> new ArrayList<>())
				.add(child.mapRow(rs, 0)));
		return children;
	}

	/** Inserts rows of five columns in one statement. */
	private void insertRows(String into, List<List<@Nullable Object>> rows) {
		this.jdbc
			.sql("insert into " + into + " values "
					+ String.join(", ", Collections.nCopies(rows.size(), "(?, ?, ?, ?, ?)")))
			.params(rows.stream().flatMap(List::stream).toList())
			.update();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
				OrderStatus.valueOf(rs.getString("status")), rs.getString("reason"), rs.getString("currency"),
				rs.getBigDecimal("total"),
				new ShippingAddress(rs.getString("ship_line1"), rs.getString("ship_line2"), rs.getString("ship_city"),
						rs.getString("ship_postal_code"), rs.getString("ship_country")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getLong("version"));
	}

	/** An order's row, before its lines and history are read. */
	private record Row(UUID id, UUID userId, OrderStatus status, @Nullable String reason, @Nullable String currency,
			@Nullable BigDecimal total, ShippingAddress address, Instant createdAt, Instant updatedAt, long version) {

		Order order(List<OrderLine> lines, List<StatusChange> history) {
			return new Order(this.id, this.userId, this.status, this.reason, this.currency, this.total, this.address,
					lines, history, this.createdAt, this.updatedAt, this.version);
		}

	}

	/**
	 * A page of orders.
	 *
	 * @param content the orders on it
	 * @param page its number from 0
	 * @param size the page size asked for
	 * @param total how many orders there are in all
	 */
	public record OrderPage(List<Order> content, int page, int size, long total) {

		/**
		 * How many pages there are.
		 * @return the number of pages
		 */
		public int totalPages() {
			return (int) ((this.total + this.size - 1) / this.size);
		}

	}

}
