package dev.shopfront.inventory.catalog;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.shopfront.chassis.messaging.Outbox;
import dev.shopfront.inventory.catalog.CatalogExceptions.InvalidChange;
import dev.shopfront.inventory.catalog.CatalogExceptions.ProductNotFound;
import dev.shopfront.inventory.catalog.CatalogExceptions.SkuTaken;
import dev.shopfront.inventory.catalog.CatalogExceptions.StockLimitExceeded;
import dev.shopfront.inventory.catalog.events.InventoryEvents;
import dev.shopfront.inventory.catalog.events.StockChangedV1;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog use cases: browse and search, show one product, add a product, change its
 * text, price or stock. Stock changes are single UPDATEs and announce
 * {@code inventory.stock-changed} through the outbox.
 */
@Service
public class Catalog {

	/** Sort keys a client may ask for, with their column. */
	public static final List<String> SORT_KEYS = List.of("name", "price", "sku");

	/**
	 * The most units one product may have in stock (available and held together): far
	 * below the integer columns' limit, so no restock can overflow them.
	 */
	public static final int MAX_STOCK = 1_000_000_000;

	private static final RowMapper<ProductView> VIEW = (rs, n) -> new ProductView(rs.getString("sku"),
			rs.getString("name"), rs.getString("description"), rs.getString("category"), rs.getBigDecimal("price"),
			rs.getString("currency"), rs.getInt("available"));

	private static final String COLUMNS = "sku, name, description, category, price, currency, available";

	private final Products products;

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final Clock clock;

	Catalog(Products products, JdbcClient jdbc, Outbox outbox, Clock clock) {
		this.products = products;
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * A page of products, optionally those whose name or description contains a text
	 * (case-insensitive, served by a trigram index).
	 * @param query the text, or null for all
	 * @param page page number from 0
	 * @param size page size
	 * @param sort one of {@link #SORT_KEYS}
	 * @param descending whether to sort descending
	 * @return the page
	 */
	@Transactional(readOnly = true)
	public CatalogPage page(@Nullable String query, int page, int size, String sort, boolean descending) {
		if (!SORT_KEYS.contains(sort)) {
			throw new InvalidChange("sort must be one of " + SORT_KEYS);
		}
		String where = "";
		String pattern = null;
		if (query != null && !query.isBlank()) {
			where = " where lower(name || ' ' || description) like ? escape '\\'";
			pattern = "%" + query.strip()
				.toLowerCase(java.util.Locale.ROOT)
				.replace("\\", "\\\\")
				.replace("%", "\\%")
				.replace("_", "\\_") + "%";
		}
		String order = " order by " + sort + (descending ? " desc" : " asc") + ", sku asc";
		var count = this.jdbc.sql("select count(*) from products" + where);
		var select = this.jdbc.sql("select " + COLUMNS + " from products" + where + order + " limit ? offset ?");
		if (pattern != null) {
			count = count.param(pattern);
			select = select.param(pattern);
		}
		long total = count.query(Long.class).single();
		List<ProductView> content = select.param(size).param((long) page * size).query(VIEW).list();
		return new CatalogPage(content, page, size, total);
	}

	/**
	 * One product.
	 * @param sku its SKU
	 * @return the product
	 * @throws ProductNotFound when there is none
	 */
	@Transactional(readOnly = true)
	public ProductView find(String sku) {
		return view(sku).orElseThrow(() -> new ProductNotFound(sku));
	}

	/**
	 * Adds a product.
	 * @param product what it is
	 * @return the product as stored
	 * @throws SkuTaken when the SKU exists
	 */
	@Transactional
	public ProductView add(NewProduct product) {
		Instant now = this.clock.instant();
		if (!this.products.insert(new Product(product.sku(), product.name(), product.description(), product.category(),
				product.price(), product.currency(), product.stock(), now))) {
			throw new SkuTaken(product.sku());
		}
		this.outbox.publish(InventoryEvents.STOCK_CHANGED, product.sku(),
				new StockChangedV1(product.sku(), product.stock()));
		return find(product.sku());
	}

	/**
	 * Changes text, price or stock; what the change leaves out stays as it is. A price
	 * change never alters reservations already taken (they keep the price they took).
	 * @param sku the product
	 * @param change the change
	 * @return the product as it is now
	 * @throws ProductNotFound when there is none
	 * @throws InvalidChange when stock is both set and added to
	 * @throws StockLimitExceeded when the restock would take the stock past
	 * {@link #MAX_STOCK}
	 */
	@Transactional
	public ProductView change(String sku, ProductChange change) {
		if (change.stock() != null && change.restock() != null) {
			throw new InvalidChange("Send either stock (sets it) or restock (adds to it), not both.");
		}
		Product product = this.products.find(sku).orElseThrow(() -> new ProductNotFound(sku));
		Instant now = this.clock.instant();
		if (change.name() != null) {
			product.rename(change.name(), now);
		}
		if (change.description() != null) {
			product.describe(change.description(), now);
		}
		if (change.price() != null || change.currency() != null) {
			product.reprice((change.price() != null) ? change.price() : product.price(),
					(change.currency() != null) ? change.currency() : product.currency(), now);
		}
		if (change.name() != null || change.description() != null || change.price() != null
				|| change.currency() != null) {
			this.products.update(product);
		}
		Integer available = null;
		if (change.stock() != null) {
			available = this.jdbc
				.sql("update products set available = ?, updated_at = ? where sku = ? returning available")
				.params(change.stock(), Timestamp.from(now), sku)
				.query(Integer.class)
				.single();
		}
		else if (change.restock() != null) {
			available = this.jdbc.sql("""
					update products set available = available + ?, updated_at = ?
					where sku = ? and available::bigint + reserved + ? <= ? returning available
					""")
				.params(change.restock(), Timestamp.from(now), sku, change.restock(), MAX_STOCK)
				.query(Integer.class)
				.optional()
				.orElseThrow(() -> new StockLimitExceeded(sku, MAX_STOCK));
		}
		if (available != null) {
			this.outbox.publish(InventoryEvents.STOCK_CHANGED, sku, new StockChangedV1(sku, available));
		}
		return find(sku);
	}

	/**
	 * Applies a row of the legacy monolith's catalog as it is after a change (migration
	 * scaffolding, docs/migration.md): adds, overwrites or deletes the product, unless a
	 * change of a later log position was applied to that SKU already. Stock set this way
	 * is announced like any other stock change.
	 * @param row the monolith's row
	 * @return whether it was applied (false when it was older than the last applied)
	 * @throws InvalidChange when a row that is not deleted lacks a member
	 */
	@Transactional
	public boolean applyLegacyChange(LegacyRow row) {
		boolean newer = this.jdbc.sql("""
				insert into legacy_positions (sku, position) values (?, ?)
				on conflict (sku) do update set position = excluded.position
				where legacy_positions.position < excluded.position
				returning position
				""").params(row.sku(), row.position()).query(Long.class).optional().isPresent();
		if (!newer) {
			return false;
		}
		if (row.deleted()) {
			this.jdbc.sql("delete from products where sku = ?").param(row.sku()).update();
			return true;
		}
		if (row.name() == null || row.description() == null || row.price() == null || row.currency() == null
				|| row.stock() == null) {
			throw new InvalidChange("The monolith's row of " + row.sku() + " lacks a member");
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		int available = this.jdbc.sql("""
				insert into products (sku, name, description, category, price, currency, available, version,
				                      created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
				on conflict (sku) do update set name = excluded.name, description = excluded.description,
				    category = excluded.category, price = excluded.price, currency = excluded.currency,
				    available = excluded.available, version = products.version + 1, updated_at = excluded.updated_at
				returning available
				""")
			.params(row.sku(), row.name(), row.description(), row.category(), row.price(), row.currency(), row.stock(),
					now, now)
			.query(Integer.class)
			.single();
		this.outbox.publish(InventoryEvents.STOCK_CHANGED, row.sku(), new StockChangedV1(row.sku(), available));
		return true;
	}

	private Optional<ProductView> view(String sku) {
		return this.jdbc.sql("select " + COLUMNS + " from products where sku = ?").param(sku).query(VIEW).optional();
	}

	/**
	 * A new product.
	 *
	 * @param sku its SKU
	 * @param name its name
	 * @param description its description
	 * @param category its category
	 * @param price its unit price
	 * @param currency its currency
	 * @param stock units in stock
	 */
	public record NewProduct(String sku, String name, String description, @Nullable String category, BigDecimal price,
			String currency, int stock) {
	}

	/**
	 * A change to a product; null members stay as they are.
	 *
	 * @param name new name
	 * @param description new description
	 * @param price new price
	 * @param currency new currency
	 * @param stock stock to set
	 * @param restock stock to add
	 */
	public record ProductChange(@Nullable String name, @Nullable String description, @Nullable BigDecimal price,
			@Nullable String currency, @Nullable Integer stock, @Nullable Integer restock) {
	}

	/**
	 * A row of the legacy monolith's catalog after a change.
	 *
	 * @param sku the product
	 * @param name its name; null when deleted
	 * @param description its description; null when deleted
	 * @param category its category, or null
	 * @param price its price; null when deleted
	 * @param currency its currency; null when deleted
	 * @param stock units in stock; null when deleted
	 * @param deleted whether the row was deleted
	 * @param position the change's position in the monolith's log
	 */
	public record LegacyRow(String sku, @Nullable String name, @Nullable String description, @Nullable String category,
			@Nullable BigDecimal price, @Nullable String currency, @Nullable Integer stock, boolean deleted,
			long position) {
	}

}
