package dev.shopfront.order.saga;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.shopfront.order.lifecycle.ShippingAddress;
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

	/** Units of one SKU in one order, after lines of the same SKU are added up. */
	public static final int MAX_UNITS_PER_SKU = 100;

	/**
	 * The command for a list of lines, a SKU listed twice merged into one.
	 * @param userId the customer
	 * @param lines the lines as listed
	 * @param shippingAddress where to ship, or null
	 * @param cardToken the card
	 * @return the command
	 * @throws TooManyUnitsException when a SKU adds up to more than
	 * {@value #MAX_UNITS_PER_SKU} units
	 */
	public static PlaceOrderCommand of(UUID userId, List<Line> lines, @Nullable ShippingAddress shippingAddress,
			String cardToken) {
		Map<String, Integer> quantities = new LinkedHashMap<>();
		lines.forEach((line) -> quantities.merge(line.sku(), line.quantity(), Integer::sum));
		List<String> overLimit = quantities.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > MAX_UNITS_PER_SKU)
			.map((entry) -> entry.getKey() + ": " + entry.getValue() + " units in all")
			.toList();
		if (!overLimit.isEmpty()) {
			throw new TooManyUnitsException(overLimit);
		}
		return new PlaceOrderCommand(userId, quantities, shippingAddress, cardToken);
	}

	@Override
	public String toString() {
		return "PlaceOrderCommand[userId=" + this.userId + ", quantities=" + this.quantities + "]";
	}

	/**
	 * A line as the customer listed it.
	 *
	 * @param sku the product
	 * @param quantity units
	 */
	public record Line(String sku, int quantity) {
	}

	/**
	 * A SKU listed more than once adds up to more units than one line may hold.
	 */
	public static class TooManyUnitsException extends RuntimeException {

		private final List<String> skus;

		TooManyUnitsException(List<String> skus) {
			super("A product may be ordered at most " + MAX_UNITS_PER_SKU
					+ " units at a time; lines of the same SKU are added up.");
			this.skus = List.copyOf(skus);
		}

		/**
		 * @return each SKU over the limit, with its units in all
		 */
		public List<String> skus() {
			return this.skus;
		}

	}

}
