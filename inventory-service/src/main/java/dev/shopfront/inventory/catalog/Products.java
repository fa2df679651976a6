package dev.shopfront.inventory.catalog;

import java.sql.Timestamp;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All products, by SKU, in plain SQL: a product's text and price are written with one
 * UPDATE guarded by the version read with it. Its stock is never written from here
 * (single conditional UPDATEs in {@link Catalog} and the reservations change it).
 */
@Repository
class Products {

	private static final RowMapper<Product> PRODUCT = (rs, n) -> new Product(rs.getString("sku"), rs.getString("name"),
			rs.getString("description"), rs.getString("category"), rs.getBigDecimal("price"), rs.getString("currency"),
			rs.getInt("available"), rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
			rs.getTimestamp("updated_at").toInstant());

	private final JdbcClient jdbc;

	Products(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Product> find(String sku) {
		return this.jdbc.sql("""
				select sku, name, description, category, price, currency, available, version, created_at, updated_at
				from products where sku = ?
				""").param(sku).query(PRODUCT).optional();
	}

	/**
	 * Adds a product.
	 * @param product the new product
	 * @return whether it was added (false when its SKU is taken)
	 */
	boolean insert(Product product) {
		return this.jdbc.sql("""
				insert into products (sku, name, description, category, price, currency, available, version,
				                      created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
				on conflict (sku) do nothing
				""")
			.params(product.sku(), product.name(), product.description(), product.category(), product.price(),
					product.currency(), product.available(), Timestamp.from(product.createdAt()),
					Timestamp.from(product.updatedAt()))
			.update() == 1;
	}

	/**
	 * Writes a product's text and price over the version it was read at.
	 * @param product the product, changed
	 * @throws OptimisticLockingFailureException when another writer changed it meanwhile
	 */
	void update(Product product) {
		int updated = this.jdbc.sql("""
				update products set name = ?, description = ?, category = ?, price = ?, currency = ?, updated_at = ?,
				                    version = version + 1
				where sku = ? and version = ?
				""")
			.params(product.name(), product.description(), product.category(), product.price(), product.currency(),
					Timestamp.from(product.updatedAt()), product.sku(), product.version())
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException(
					"Product " + product.sku() + " was changed or removed since version " + product.version());
		}
	}

}
