package dev.shopfront.legacy.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.shopfront.legacy.catalog.CatalogModule;
import dev.shopfront.legacy.notifications.NotificationsModule;
import dev.shopfront.legacy.users.UsersModule;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders, the monolith's way: one transaction takes the stock (the catalog module, in
 * process), stores the order confirmed at once, and records its e-mail (the notifications
 * module), which goes out when the transaction commits. No saga, no payment step: what
 * the services split into messages happens here in one call.
 */
@Service
public class OrdersModule {

	private final JdbcClient jdbc;

	private final CatalogModule catalog;

	private final UsersModule users;

	private final NotificationsModule notifications;

	OrdersModule(JdbcClient jdbc, CatalogModule catalog, UsersModule users, NotificationsModule notifications) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.users = users;
		this.notifications = notifications;
	}

	/**
	 * Places an order.
	 * @param userId the customer
	 * @param email the customer's address
	 * @param wanted the SKUs and quantities
	 * @return the order, confirmed
	 * @throws UnknownProduct when a SKU is unknown
	 * @throws CatalogModule.InsufficientStock when an item is short (nothing is taken)
	 * @throws MixedCurrencies when the items are priced in several currencies
	 */
	@Transactional
	public Order place(UUID userId, String email, List<Line> wanted) {
		this.users.know(userId, email);
		UUID id = UUID.randomUUID();
		List<Line> lines = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		String currency = null;
		for (Line line : wanted) {
			CatalogModule.Product product;
			try {
				product = this.catalog.take(line.sku(), line.quantity());
			}
			catch (CatalogModule.ProductNotFound ex) {
				throw new UnknownProduct("No product with SKU " + line.sku() + ".");
			}
			if (currency != null && !currency.equals(product.currency())) {
				throw new MixedCurrencies("The items are priced in more than one currency.");
			}
			currency = product.currency();
			lines.add(new Line(line.sku(), line.quantity(), product.price()));
			total = total.add(product.price().multiply(BigDecimal.valueOf(line.quantity())));
		}
		Instant now = Instant.now();
		this.jdbc.sql("insert into orders (id, user_id, status, total, currency, created_at) values (?, ?, ?, ?, ?, ?)")
			.params(id, userId, "CONFIRMED", total, currency, java.sql.Timestamp.from(now))
			.update();
		for (Line line : lines) {
			this.jdbc.sql("insert into order_lines (order_id, sku, quantity, unit_price) values (?, ?, ?, ?)")
				.params(id, line.sku(), line.quantity(), line.unitPrice())
				.update();
		}
		this.notifications.orderConfirmed(userId, email, id, total, java.util.Objects.requireNonNull(currency));
		return new Order(id, userId, "CONFIRMED", lines, total, currency, now);
	}

	/**
	 * An order, for its owner or an ADMIN.
	 * @param id the order
	 * @param userId who asks
	 * @param admin whether they are an ADMIN
	 * @return the order
	 * @throws OrderNotFound when there is none, or it is someone else's
	 */
	@Transactional(readOnly = true)
	public Order find(UUID id, UUID userId, boolean admin) {
		Order order = this.jdbc.sql("select * from orders where id = ?")
			.param(id)
			.query((row, number) -> new Order(row.getObject("id", UUID.class), row.getObject("user_id", UUID.class),
					row.getString("status"), List.of(), row.getBigDecimal("total"), row.getString("currency"),
					row.getTimestamp("created_at").toInstant()))
			.optional()
			.filter((found) -> admin || found.userId().equals(userId))
			.orElseThrow(() -> new OrderNotFound("No order " + id + "."));
		List<Line> lines = this.jdbc.sql("select * from order_lines where order_id = ? order by sku")
			.param(id)
			.query((row, number) -> new Line(row.getString("sku"), row.getInt("quantity"),
					row.getBigDecimal("unit_price")))
			.list();
		return new Order(order.id(), order.userId(), order.status(), lines, order.total(), order.currency(),
				order.createdAt());
	}

	/**
	 * An order line.
	 *
	 * @param sku the product
	 * @param quantity units
	 * @param unitPrice the price per unit when ordered, or null before
	 */
	public record Line(String sku, int quantity, @org.jspecify.annotations.Nullable BigDecimal unitPrice) {
	}

	/**
	 * An order.
	 *
	 * @param id the order
	 * @param userId its customer
	 * @param status CONFIRMED
	 * @param lines what was ordered
	 * @param total the total
	 * @param currency its currency
	 * @param createdAt when
	 */
	public record Order(UUID id, UUID userId, String status, List<Line> lines, BigDecimal total, String currency,
			Instant createdAt) {
	}

	/** No such order, or someone else's. */
	public static class OrderNotFound extends RuntimeException {

		OrderNotFound(String message) {
			super(message);
		}

	}

	/** An order names a SKU the catalog does not have. */
	public static class UnknownProduct extends RuntimeException {

		UnknownProduct(String message) {
			super(message);
		}

	}

	/** Items priced in several currencies. */
	public static class MixedCurrencies extends RuntimeException {

		MixedCurrencies(String message) {
			super(message);
		}

	}

}
