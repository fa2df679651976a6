package dev.shopfront.order.lifecycle.messaging;

import java.util.List;
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
		return new MessageConsumer("order.shipment-events", "shipping.events",
				List.of("shipment.dispatched", "shipment.delivered"), (message) -> {
					UUID orderId = message.data(ShipmentRef.class).orderId();
					switch (message.envelope().type()) {
						case "shipment.dispatched" -> fulfilment.shipped(orderId);
						case "shipment.delivered" -> fulfilment.delivered(orderId);
						default -> throw new IllegalArgumentException("Unexpected " + message.envelope().type());
					}
				});
	}

	/**
	 * What order-service reads of a shipment event (tolerant reader).
	 *
	 * @param orderId the order
	 */
	record ShipmentRef(UUID orderId) {
	}

}
