package dev.shopfront.inventory.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.shopfront.inventory.catalog.Catalog.NewProduct;
import dev.shopfront.inventory.catalog.Catalog.ProductChange;
import dev.shopfront.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The product repository's SQL on real PostgreSQL: a change written over a version
 * another writer moved past is refused, not lost, and a product is written only when its
 * text or price changed.
 */
@SpringBootTest
class ProductsIntegrationTests extends ServiceIntegrationTest {

	@Autowired
	Products products;

	@Autowired
	Catalog catalog;

	private String added() {
		String sku = "P-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		this.catalog.add(new NewProduct(sku, "Lamp", "A lamp", null, new BigDecimal("10.00"), "EUR", 3));
		return sku;
	}

	@Test
	void aChangeOverAnOlderVersionIsRefusedNotLost() {
		String sku = added();
		Product stale = this.products.find(sku).orElseThrow();
		this.catalog.change(sku, new ProductChange("Newer lamp", null, null, null, null, null));
		stale.rename("Lost update", Instant.now());
		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> this.products.update(stale));
		Product stored = this.products.find(sku).orElseThrow();
		assertThat(stored.name()).isEqualTo("Newer lamp");
		assertThat(stored.version()).isEqualTo(1);
	}

	@Test
	void aStockChangeLeavesTheProductsVersionAlone() {
		String sku = added();
		this.catalog.change(sku, new ProductChange(null, null, null, null, 7, null));
		Product stored = this.products.find(sku).orElseThrow();
		assertThat(stored.available()).isEqualTo(7);
		assertThat(stored.version()).isZero();
		this.catalog.change(sku, new ProductChange(null, null, new BigDecimal("12.50"), null, null, 1));
		stored = this.products.find(sku).orElseThrow();
		assertThat(stored.price()).isEqualByComparingTo("12.50");
		assertThat(stored.available()).isEqualTo(8);
		assertThat(stored.version()).isEqualTo(1);
	}

	@Test
	void aTakenSkuIsNotAddedTwice() {
		String sku = added();
		Product again = new Product(sku, "Other", "", null, BigDecimal.ONE, "EUR", 1, Instant.now());
		assertThat(this.products.insert(again)).isFalse();
		assertThat(this.products.find(sku).orElseThrow().name()).isEqualTo("Lamp");
	}

}
