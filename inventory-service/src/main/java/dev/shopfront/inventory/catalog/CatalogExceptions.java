package dev.shopfront.inventory.catalog;

/**
 * What can go wrong with the catalog.
 */
public final class CatalogExceptions {

	private CatalogExceptions() {
	}

	/** No product has this SKU. */
	public static class ProductNotFound extends RuntimeException {

		ProductNotFound(String sku) {
			super("No product with SKU " + sku + ".");
		}

	}

	/** A product with this SKU exists already. */
	public static class SkuTaken extends RuntimeException {

		SkuTaken(String sku) {
			super("A product with SKU " + sku + " exists already.");
		}

	}

	/** A change that contradicts itself (e.g. setting and adding stock at once). */
	public static class InvalidChange extends RuntimeException {

		InvalidChange(String message) {
			super(message);
		}

	}

	/** A restock would take the stock past the most a product may have. */
	public static class StockLimitExceeded extends RuntimeException {

		StockLimitExceeded(String sku, int max) {
			super("Restocking " + sku + " by that much would take its stock past " + max
					+ " units (available and held together).");
		}

	}

}
