package dev.shopfront.payment.charge.events;

/**
 * The exchange payment-service publishes to (schemas in docs/events/); order-service
 * reads the answers to its commands there.
 */
public final class PaymentEvents {

	/** Topic exchange of payment events; routing key = event type. */
	public static final String EXCHANGE = "payment.events";

	private PaymentEvents() {
	}

}
