package dev.shopfront.shipping.shipment.events;

/**
 * The exchange shipping-service publishes to (schemas in docs/events/); order-service and
 * notification-service read it.
 */
public final class ShippingEvents {

	/** Topic exchange of shipment events; routing key = event type. */
	public static final String EXCHANGE = "shipping.events";

	private ShippingEvents() {
	}

}
