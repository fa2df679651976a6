package dev.shopfront.inventory.catalog;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A product as the catalog shows it, read in one query.
 *
 * @param sku stock-keeping unit
 * @param name name
 * @param description description
 * @param category category
 * @param price unit price
 * @param currency ISO 4217 currency
 * @param available units that can be ordered now
 */
public record ProductView(String sku, String name, String description, @Nullable String category, BigDecimal price,
		String currency, int available) {
}
