package dev.shopfront.badshop.stock;

import dev.shopfront.badshop.stock.web.StockView;

/** A fixture: a domain type that knows its web layer (and so forms a cycle with it). */
public class Stock {

	public StockView view() {
		return new StockView(this);
	}

}
