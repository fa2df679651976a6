package dev.shopfront.inventory.catalog.messaging;

import java.math.BigDecimal;

import dev.shopfront.chassis.messaging.MessageConsumer;
import dev.shopfront.inventory.catalog.Catalog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Applies the monolith's catalog changes ({@code legacy.product-changed} on
 * {@code legacy.catalog}, queue {@code inventory.legacy-catalog}) through
 * {@link Catalog#applyLegacyChange}: through the chassis inbox (a redelivered message
 * changes nothing) and by log position per SKU (a change older than the last applied is
 * skipped), so the catalog follows the monolith's rows in their order.
 */
@Configuration(proxyBeanMethods = false)
class LegacyCatalogConsumer {

	private static final Logger log = LoggerFactory.getLogger(LegacyCatalogConsumer.class);

	@Bean
	MessageConsumer legacyCatalog(Catalog catalog) {
		return MessageConsumer.of("inventory.legacy-catalog", "legacy.catalog")
			.on("legacy.product-changed", LegacyProductChange.class, (change) -> {
				if (!catalog.applyLegacyChange(change.toRow())) {
					log.info("Skipped the monolith's change of {} at {}: a later one was applied", change.sku(),
							change.position());
				}
			})
			.build();
	}

	/**
	 * What this consumer reads of {@code legacy.product-changed} v1 (tolerant reader).
	 *
	 * @param sku the product
	 * @param name its name
	 * @param description its description
	 * @param category its category
	 * @param price its price
	 * @param currency its currency
	 * @param stock units in stock
	 * @param deleted whether it was deleted
	 * @param position the change's log position
	 */
	record LegacyProductChange(String sku, @Nullable String name, @Nullable String description,
			@Nullable String category, @Nullable BigDecimal price, @Nullable String currency, @Nullable Integer stock,
			boolean deleted, long position) {

		Catalog.LegacyRow toRow() {
			return new Catalog.LegacyRow(this.sku, this.name, this.description, this.category, this.price,
					this.currency, this.stock, this.deleted, this.position);
		}

	}

}
