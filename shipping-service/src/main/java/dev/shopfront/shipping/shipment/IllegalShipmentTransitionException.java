package dev.shopfront.shipping.shipment;

import java.util.UUID;

/**
 * A status change the shipment's current status does not allow, such as dispatching it
 * twice, delivering it before it was dispatched or dispatching a cancelled one.
 */
public class IllegalShipmentTransitionException extends RuntimeException {

	private final UUID shipmentId;

	private final ShipmentStatus from;

	private final ShipmentStatus to;

	IllegalShipmentTransitionException(UUID shipmentId, ShipmentStatus from, ShipmentStatus to) {
		super("Shipment " + shipmentId + " is " + from + " and cannot move to " + to + ".");
		this.shipmentId = shipmentId;
		this.from = from;
		this.to = to;
	}

	public UUID shipmentId() {
		return this.shipmentId;
	}

	/**
	 * Where the shipment stands.
	 * @return its current status
	 */
	public ShipmentStatus from() {
		return this.from;
	}

	/**
	 * Where it was asked to go.
	 * @return the refused status
	 */
	public ShipmentStatus to() {
		return this.to;
	}

}
