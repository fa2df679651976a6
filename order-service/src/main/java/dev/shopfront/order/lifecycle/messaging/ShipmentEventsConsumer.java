package dev.shopfront.order.lifecycle.messaging;

import java.util.UUID;

import dev.shopfront.chassis.messaging.MessageConsumer;
import dev.shopfront.order.lifecycle.OrderFulfilment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * shipping-service's events move a confirmed order on: {@code shipment.dispatched} →
 * SHIPPED, {@code shipment.delivered} → DELIVERED.
 */
@Configuration(proxyBeanMethods = false)
class ShipmentEventsConsumer {

	@Bean
	MessageConsumer shipmentEvents(OrderFulfilment fulfilment) {
		return MessageConsumer.of("order.shipment-events", "shipping.events")
			.on("shipment.dispatched", ShipmentRef.class, (shipment) -> fulfilment.shipped(shipment.orderId()))
			.on("shipment.delivered", ShipmentRef.class, (shipment) -> fulfilment.delivered(shipment.orderId()))
			.build();
	}

	/**
	 * What order-service reads of a shipment event (tolerant reader).
	 *
	 * @param orderId the order
	 */
	record ShipmentRef(UUID orderId) {
	}

}
