package dev.shopfront.order.lifecycle.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * {@code order.confirmed} v1: an order was paid; inventory commits its stock, shipping
 * ships it, notification tells the customer.
 *
 * @param orderId the order
 * @param userId its customer
 * @param items what was ordered, at what unit price
 * @param total the sum, a decimal string
 * @param currency ISO 4217
 * @param shippingAddress where it goes
 * @param confirmedAt when
 */
public record OrderConfirmedV1(UUID orderId, UUID userId, List<Item> items, String total, String currency,
		Address shippingAddress, Instant confirmedAt) {

	/**
	 * An ordered item.
	 *
	 * @param sku the product
	 * @param quantity units
	 * @param unitPrice price of one unit, a decimal string
	 */
	public record Item(String sku, int quantity, String unitPrice) {
	}

	/**
	 * A shipping address.
	 *
	 * @param line1 street and number
	 * @param line2 second line or null
	 * @param city the city
	 * @param postalCode the postal code
	 * @param country ISO 3166-1 alpha-2
	 */
	public record Address(String line1, @Nullable String line2, String city, String postalCode, String country) {
	}

}
