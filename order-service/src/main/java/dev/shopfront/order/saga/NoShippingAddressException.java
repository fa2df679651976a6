package dev.shopfront.order.saga;

/**
 * The request names no shipping address and the customer has no default one.
 */
public class NoShippingAddressException extends RuntimeException {

	NoShippingAddressException() {
		super("The order needs a shippingAddress: the account has no default shipping address.");
	}

}
