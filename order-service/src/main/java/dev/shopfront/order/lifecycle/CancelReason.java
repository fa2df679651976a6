package dev.shopfront.order.lifecycle;

/**
 * Why an order was cancelled (after it was accepted) or rejected (when it was placed).
 */
public enum CancelReason {

	/** payment-service declined the card. */
	PAYMENT_DECLINED,
	/** payment-service did not answer within the payment timeout. */
	PAYMENT_TIMEOUT,
	/** The customer (or an administrator) cancelled it. */
	CUSTOMER_REQUEST,
	/** inventory-service released the reservation before the order was paid. */
	RESERVATION_EXPIRED,
	/** Rejected: not enough stock. */
	OUT_OF_STOCK,
	/** Rejected: a SKU inventory-service does not know. */
	UNKNOWN_PRODUCT,
	/** Rejected: the items are priced in more than one currency. */
	MIXED_CURRENCIES,
	/** Rejected: inventory-service could not be reached. */
	INVENTORY_UNAVAILABLE,
	/** Rejected: the total would exceed what an order may cost. */
	TOTAL_TOO_LARGE

}
