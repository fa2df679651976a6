package dev.shopfront.order.lifecycle;

import java.math.BigDecimal;

/**
 * The order would cost more than any order may ({@link Order#MAX_TOTAL}).
 */
public class OrderTotalTooLargeException extends RuntimeException {

	OrderTotalTooLargeException(BigDecimal total, String currency) {
		super("The order would cost " + total.toPlainString() + " " + currency + "; an order may cost at most "
				+ Order.MAX_TOTAL.toPlainString() + ". Order fewer units or split the order.");
	}

}
