package dev.shopfront.order.checkout;

import java.util.Map;
import java.util.UUID;

import dev.shopfront.order.order.ShippingAddress;
import org.jspecify.annotations.Nullable;

/**
 * What a customer asks for when placing an order.
 *
 * @param userId the customer
 * @param quantities units per SKU (duplicates merged), in the order listed
 * @param shippingAddress where to ship, or null for the customer's default address
 * @param cardToken the card to charge
 */
public record PlaceOrderCommand(UUID userId, Map<String, Integer> quantities, @Nullable ShippingAddress shippingAddress,
		String cardToken) {

	@Override
	public String toString() {
		return "PlaceOrderCommand[userId=" + this.userId + ", quantities=" + this.quantities + "]";
	}

}
