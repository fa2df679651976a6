package dev.shopfront.shipping.shipment;

import java.util.UUID;

/**
 * No such shipment, or none the caller may see (another customer's is not found, not
 * forbidden).
 */
public class ShipmentNotFoundException extends RuntimeException {

	private ShipmentNotFoundException(String message) {
		super(message);
	}

	static ShipmentNotFoundException withId(UUID id) {
		return new ShipmentNotFoundException("No shipment " + id + ".");
	}

	static ShipmentNotFoundException ofOrder(UUID orderId) {
		return new ShipmentNotFoundException("No shipment of order " + orderId + " is yours to see.");
	}

}
