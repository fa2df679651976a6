package dev.shopfront.badshop.stock.web;

import dev.shopfront.badshop.stock.Stock;

/**
 * A fixture: a response that names the domain, as it may.
 *
 * @param stock the stock
 */
public record StockView(Stock stock) {
}
