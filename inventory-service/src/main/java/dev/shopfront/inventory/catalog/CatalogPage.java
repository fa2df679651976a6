package dev.shopfront.inventory.catalog;

import java.util.List;

/**
 * One page of the catalog.
 *
 * @param content the products on this page
 * @param number the page number, from 0
 * @param size the page size asked for
 * @param totalElements products matching in all
 */
public record CatalogPage(List<ProductView> content, int number, int size, long totalElements) {

	public int totalPages() {
		return (int) ((this.totalElements + this.size - 1) / this.size);
	}

}
