package dev.shopfront.badshop.stock.events;

import dev.shopfront.badshop.stock.Stock;

/**
 * A fixture: an event that carries a domain type.
 *
 * @param stock the domain type
 */
public record StockTakenV1(Stock stock) {
}
