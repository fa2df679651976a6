package dev.shopfront.inventory.catalog.events;

import dev.shopfront.chassis.messaging.EventType;

import org.springframework.amqp.core.TopicExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The exchange inventory-service publishes to, and its event types.
 */
@Configuration(proxyBeanMethods = false)
public class InventoryEvents {

	/** Topic exchange of inventory events; routing key = event type. */
	public static final String EXCHANGE = "inventory.events";

	/** {@code inventory.stock-changed} v1: {@link StockChangedV1}. */
	public static final EventType STOCK_CHANGED = new EventType(EXCHANGE, "inventory.stock-changed", 1);

	@Bean
	TopicExchange inventoryEventsExchange() {
		return new TopicExchange(EXCHANGE, true, false);
	}

}
