package dev.shopfront.order.lifecycle;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A line of an order: a product, how many, and the unit price inventory-service took
 * (null until the stock is reserved).
 *
 * @param sku the product
 * @param quantity units
 * @param unitPrice the price of one unit, or null before the reservation
 */
public record OrderLine(String sku, int quantity, @Nullable BigDecimal unitPrice) {

	OrderLine priced(BigDecimal price) {
		return new OrderLine(this.sku, this.quantity, price);
	}

	BigDecimal amount() {
		if (this.unitPrice == null) {
			throw new IllegalStateException("Line " + this.sku + " has no price yet");
		}
		return this.unitPrice.multiply(BigDecimal.valueOf(this.quantity));
	}

}
