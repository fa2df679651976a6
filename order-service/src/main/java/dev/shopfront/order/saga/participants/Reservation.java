package dev.shopfront.order.saga.participants;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What inventory-service answered to a reservation request.
 */
public sealed interface Reservation {

	/**
	 * The stock is held.
	 *
	 * @param unitPrices the price taken per SKU
	 * @param currencies the currencies of those prices (one, normally)
	 */
	record Held(Map<String, BigDecimal> unitPrices, List<String> currencies) implements Reservation {
	}

	/**
	 * Not enough stock; nothing is held.
	 *
	 * @param unavailable what is missing: {@code [{sku, requested, available}]}
	 */
	record ShortStock(List<Shortage> unavailable) implements Reservation {
	}

	/**
	 * Some SKUs are not in the catalog; nothing is held.
	 *
	 * @param detail inventory-service's explanation
	 */
	record UnknownProducts(String detail) implements Reservation {
	}

	/**
	 * inventory-service could not be asked (down, too slow, breaker open). The stock may
	 * or may not be held; a held reservation expires by itself.
	 *
	 * @param why for the log
	 * @param retryAfter when the client may try again
	 */
	record Unavailable(String why, Duration retryAfter) implements Reservation {
	}

	/**
	 * A missing item.
	 *
	 * @param sku the product
	 * @param requested units asked for
	 * @param available units there were
	 */
	record Shortage(String sku, int requested, int available) {
	}

}
