package dev.shopfront.inventory.catalog.events;

import dev.shopfront.chassis.messaging.EventType;

/**
 * The exchange inventory-service publishes to, and its event types.
 */
public final class InventoryEvents {

	/** Topic exchange of inventory events; routing key = event type. */
	public static final String EXCHANGE = "inventory.events";

	/** {@code inventory.stock-changed} v1: {@link StockChangedV1}. */
	public static final EventType STOCK_CHANGED = new EventType(EXCHANGE, "inventory.stock-changed", 1);

	private InventoryEvents() {
	}

}
