package dev.shopfront.inventory.reservation.events;

import dev.shopfront.chassis.messaging.EventType;
import dev.shopfront.inventory.catalog.events.InventoryEvents;

/**
 * The reservation events, on inventory-service's exchange.
 */
public final class ReservationEvents {

	/** {@code inventory.reservation-expired} v1: {@link ReservationExpiredV1}. */
	public static final EventType RESERVATION_EXPIRED = new EventType(InventoryEvents.EXCHANGE,
			"inventory.reservation-expired", 1);

	private ReservationEvents() {
	}

}
