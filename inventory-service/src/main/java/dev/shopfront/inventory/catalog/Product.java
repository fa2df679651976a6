package dev.shopfront.inventory.catalog;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A product of the catalog: its text and price change through its methods; its stock
 * ({@code available}) changes only through single conditional UPDATEs
 * ({@link Catalog#change} and the reservations), never by reading and writing this
 * entity.
 */
@Entity
@Table(name = "products")
public class Product {

	@Id
	private String sku;

	private String name;

	private String description;

	private @Nullable String category;

	private BigDecimal price;

	private String currency;

	@Column(insertable = true, updatable = false)
	private int available;

	@Version
	private long version;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected Product() {
		// for JPA
	}

	Product(String sku, String name, String description, @Nullable String category, BigDecimal price, String currency,
			int stock, Instant now) {
		this.sku = sku;
		this.name = name;
		this.description = description;
		this.category = category;
		this.price = price;
		this.currency = currency;
		this.available = stock;
		this.createdAt = now;
		this.updatedAt = now;
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

}
