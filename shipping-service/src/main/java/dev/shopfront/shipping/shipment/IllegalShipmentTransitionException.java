package dev.shopfront.shipping.shipment;

import java.util.UUID;

/**
 * A status change the shipment's current status does not allow, such as dispatching it
 * twice, delivering it before it was dispatched or dispatching a cancelled one.
 */
public class IllegalShipmentTransitionException extends RuntimeException {

	private final Refused refused;

	IllegalShipmentTransitionException(UUID shipmentId, ShipmentStatus from, ShipmentStatus to) {
		super("Shipment " + shipmentId + " is " + from + " and cannot move to " + to + ".");
		this.refused = new Refused(shipmentId, from, to);
	}

	/**
	 * The move refused.
	 * @return it
	 */
	public Refused refused() {
		return this.refused;
	}

	/**
	 * A move the lifecycle refused.
	 *
	 * @param shipmentId the shipment
	 * @param from where it stands
	 * @param to where it was asked to go
	 */
	public record Refused(UUID shipmentId, ShipmentStatus from, ShipmentStatus to) {
	}

}
