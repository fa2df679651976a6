package dev.shopfront.legacy.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monolith's catalog: plain SQL on the shared {@code products} table. Other modules
 * of the monolith would call these methods in process (and read the table themselves).
 */
@Service
public class CatalogModule {

	private static final List<String> SORT_KEYS = List.of("name", "price", "sku");

	private static final RowMapper<Product> PRODUCT = (row, number) -> new Product(row.getString("sku"),
			row.getString("name"), row.getString("description"), row.getString("category"), row.getBigDecimal("price"),
			row.getString("currency"), row.getInt("stock"));

	private final JdbcClient jdbc;

	CatalogModule(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A page of products, optionally those whose name or description contains a text.
	 * @param query the text, or null for all
	 * @param page page number from 0
	 * @param size page size
	 * @param sort {@code name}, {@code price} or {@code sku}
	 * @param descending whether to sort descending
	 * @return the products on the page, and how many match in all
	 */
	@Transactional(readOnly = true)
	public Page page(@Nullable String query, int page, int size, String sort, boolean descending) {
		if (!SORT_KEYS.contains(sort)) {
			throw new InvalidChange("sort must be one of " + SORT_KEYS);
		}
		String pattern = "%" + ((query != null)
				? query.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
				: "") + "%";
		String where = " where lower(name || ' ' || description) like ? escape '\\'";
		long total = this.jdbc.sql("select count(*) from products" + where).param(pattern).query(Long.class).single();
		List<Product> content = this.jdbc
			.sql("select * from products" + where + " order by " + sort + (descending ? " desc" : "")
					+ ", sku limit ? offset ?")
			.param(pattern)
			.param(size)
			.param((long) page * size)
			.query(PRODUCT)
			.list();
		return new Page(content, page, size, total);
	}

	/**
	 * One product.
	 * @param sku its SKU
	 * @return the product
	 * @throws ProductNotFound when there is none
	 */
	@Transactional(readOnly = true)
	public Product find(String sku) {
		return lookUp(sku).orElseThrow(() -> new ProductNotFound("No product with SKU " + sku + "."));
	}

	/**
	 * Adds a product.
	 * @param product the product
	 * @return it as stored
	 * @throws SkuTaken when the SKU exists
	 */
	@Transactional
	public Product add(Product product) {
		try {
			this.jdbc.sql("""
					insert into products (sku, name, description, category, price, currency, stock)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(product.sku(), product.name(), product.description(), product.category(), product.price(),
						product.currency(), product.stock())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new SkuTaken("A product with SKU " + product.sku() + " exists.");
		}
		return find(product.sku());
	}

	/**
	 * Changes a product; what the change leaves out stays as it is.
	 * @param sku the product
	 * @param change the change
	 * @return it as it is now
	 */
	@Transactional
	public Product change(String sku, Change change) {
		if (change.stock() != null && change.restock() != null) {
			throw new InvalidChange("Set the stock or add to it, not both.");
		}
		Product before = find(sku);
		int stock = (change.stock() != null) ? change.stock()
				: before.stock() + ((change.restock() != null) ? change.restock() : 0);
		this.jdbc.sql("""
				update products set name = ?, description = ?, price = ?, currency = ?, stock = ?, updated_at = now()
				where sku = ?""")
			.params((change.name() != null) ? change.name() : before.name(),
					(change.description() != null) ? change.description() : before.description(),
					(change.price() != null) ? change.price() : before.price(),
					(change.currency() != null) ? change.currency() : before.currency(), stock, sku)
			.update();
		return find(sku);
	}

	/**
	 * Takes units out of stock, for an order of the orders module (in its transaction).
	 * @param sku the product
	 * @param quantity the units
	 * @return the product as it was priced
	 * @throws ProductNotFound when there is none
	 * @throws InsufficientStock when fewer units are in stock
	 */
	@Transactional
	public Product take(String sku, int quantity) {
		Product product = find(sku);
		int taken = this.jdbc
			.sql("update products set stock = stock - ?, updated_at = now() where sku = ? and stock >= ?")
			.params(quantity, sku, quantity)
			.update();
		if (taken == 0) {
			throw new InsufficientStock("Not enough stock of " + sku + " for " + quantity + " unit(s).");
		}
		return product;
	}

	private Optional<Product> lookUp(String sku) {
		return this.jdbc.sql("select * from products where sku = ?").param(sku).query(PRODUCT).optional();
	}

	/**
	 * A product.
	 *
	 * @param sku its SKU
	 * @param name its name
	 * @param description its description
	 * @param category its category, or null
	 * @param price its unit price
	 * @param currency its ISO 4217 currency
	 * @param stock units in stock
	 */
	public record Product(String sku, String name, String description, @Nullable String category, BigDecimal price,
			String currency, int stock) {
	}

	/**
	 * A change to a product: members left out stay as they are.
	 *
	 * @param name new name
	 * @param description new description
	 * @param price new price
	 * @param currency new currency
	 * @param stock stock to set
	 * @param restock stock to add
	 */
	public record Change(@Nullable String name, @Nullable String description, @Nullable BigDecimal price,
			@Nullable String currency, @Nullable Integer stock, @Nullable Integer restock) {
	}

	/**
	 * A page of products.
	 *
	 * @param content the products
	 * @param number its number from 0
	 * @param size its size
	 * @param totalElements matching products in all
	 */
	public record Page(List<Product> content, int number, int size, long totalElements) {

		public int totalPages() {
			return (int) ((this.totalElements + this.size - 1) / this.size);
		}

	}

	/** No such product. */
	public static class ProductNotFound extends RuntimeException {

		ProductNotFound(String message) {
			super(message);
		}

	}

	/** The SKU is taken. */
	public static class SkuTaken extends RuntimeException {

		SkuTaken(String message) {
			super(message);
		}

	}

	/** Fewer units in stock than ordered. */
	public static class InsufficientStock extends RuntimeException {

		InsufficientStock(String message) {
			super(message);
		}

	}

	/** A change that contradicts itself. */
	public static class InvalidChange extends RuntimeException {

		InvalidChange(String message) {
			super(message);
		}

	}

}
