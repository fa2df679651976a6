package dev.shopfront.order.saga.messaging;

import java.util.UUID;

import dev.shopfront.chassis.messaging.MessageConsumer;
import dev.shopfront.order.saga.PlaceOrderSagaOrchestrator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code inventory.reservation-expired}: stock released before the order was paid cancels
 * the order (normally the payment timeout, far shorter, comes first).
 */
@Configuration(proxyBeanMethods = false)
class InventoryEventsConsumer {

	@Bean
	MessageConsumer inventoryEvents(PlaceOrderSagaOrchestrator saga) {
		return MessageConsumer.of("order.inventory-events", "inventory.events")
			.on("inventory.reservation-expired", ExpiredReservation.class,
					(expired) -> saga.reservationExpired(expired.orderId()))
			.build();
	}

	/**
	 * What the saga reads of the event.
	 *
	 * @param orderId the order
	 */
	record ExpiredReservation(UUID orderId) {
	}

}
