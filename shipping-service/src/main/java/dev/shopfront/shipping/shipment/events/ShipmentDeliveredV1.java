package dev.shopfront.shipping.shipment.events;

import java.time.Instant;
import java.util.UUID;

import dev.shopfront.chassis.messaging.EventType;

/**
 * {@code shipment.delivered} v1: an order's shipment reached its customer (schema:
 * docs/events/schemas/shipment.delivered.v1.json). Published once per shipment; the
 * subject is the order id.
 *
 * @param shipmentId the shipment
 * @param orderId its order
 * @param userId the order's customer
 * @param trackingNumber the shipment's tracking number
 * @param deliveredAt when
 */
public record ShipmentDeliveredV1(UUID shipmentId, UUID orderId, UUID userId, String trackingNumber,
		Instant deliveredAt) {

	/** Exchange, type (= routing key) and schema version. */
	public static final EventType TYPE = new EventType(ShippingEvents.EXCHANGE, "shipment.delivered", 1);

}
