package dev.shopfront.migrationsync.capture.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * {@code legacy.product-changed} v1: a row of the monolith's {@code products} table as it
 * is after a change (or that it was deleted), published on the exchange
 * {@code legacy.catalog}. The position (the change's log sequence number) orders the
 * changes of one row: a consumer applies a change only when its position is past the last
 * one it applied to that SKU.
 *
 * @param sku the product
 * @param name its name; null when deleted
 * @param description its description; null when deleted
 * @param category its category, or null
 * @param price its unit price as a decimal string; null when deleted
 * @param currency its ISO 4217 currency; null when deleted
 * @param stock units in stock; null when deleted
 * @param deleted whether the row was deleted
 * @param position the change's position in the monolith's write-ahead log
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LegacyProductChangedV1(String sku, @Nullable String name, @Nullable String description,
		@Nullable String category, @Nullable String price, @Nullable String currency, @Nullable Integer stock,
		boolean deleted, long position) {

	/** The event's type. */
	public static final String TYPE = "legacy.product-changed";

	/** The schema version. */
	public static final int VERSION = 1;

}
