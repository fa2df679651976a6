package dev.shopfront.inventory.catalog;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A product of the catalog: its text and price change through its methods; its stock
 * ({@code available}) changes only through single conditional UPDATEs
 * ({@link Catalog#change} and the reservations), never by reading and writing this
 * entity.
 */
public class Product {

	private final String sku;

	private String name;

	private String description;

	private @Nullable String category;

	private BigDecimal price;

	private String currency;

	private final int available;

	/** The row's version as read; {@link Products#update} writes only over that one. */
	private final long version;

	private final Instant createdAt;

	private Instant updatedAt;

	Product(String sku, String name, String description, @Nullable String category, BigDecimal price, String currency,
			int stock, Instant now) {
		this(sku, name, description, category, price, currency, stock, 0, now, now);
	}

	/** A product as stored ({@link Products}). */
	Product(String sku, String name, String description, @Nullable String category, BigDecimal price, String currency,
			int available, long version, Instant createdAt, Instant updatedAt) {
		this.sku = sku;
		this.name = name;
		this.description = description;
		this.category = category;
		this.price = price;
		this.currency = currency;
		this.available = available;
		this.version = version;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
	}

	void rename(String name, Instant now) {
		this.name = name;
		this.updatedAt = now;
	}

	void describe(String description, Instant now) {
		this.description = description;
		this.updatedAt = now;
	}

	void reprice(BigDecimal price, String currency, Instant now) {
		this.price = price;
		this.currency = currency;
		this.updatedAt = now;
	}

	public String sku() {
		return this.sku;
	}

	public String name() {
		return this.name;
	}

	public String description() {
		return this.description;
	}

	public @Nullable String category() {
		return this.category;
	}

	public BigDecimal price() {
		return this.price;
	}

	public String currency() {
		return this.currency;
	}

	public int available() {
		return this.available;
	}

	long version() {
		return this.version;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

}
