package dev.shopfront.inventory.catalog.events;

/**
 * {@code inventory.stock-changed} v1: the units of a product that can be ordered changed.
 *
 * @param sku the product
 * @param available units available now
 */
public record StockChangedV1(String sku, int available) {
}
