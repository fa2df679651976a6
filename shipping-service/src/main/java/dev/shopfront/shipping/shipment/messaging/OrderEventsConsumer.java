package dev.shopfront.shipping.shipment.messaging;

import dev.shopfront.chassis.messaging.MessageConsumer;
import dev.shopfront.shipping.shipment.ShipmentManagement;
import dev.shopfront.shipping.shipment.messaging.OrderEvents.OrderCancelledV1;
import dev.shopfront.shipping.shipment.messaging.OrderEvents.OrderConfirmedV1;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Takes order-service's events from {@code shipping.order-events}:
 * {@code order.confirmed} creates the order's shipment, {@code order.cancelled} cancels
 * it while it has not been dispatched. Through the chassis inbox, so a redelivered event
 * changes nothing; an event that breaks its contract is retried, then parked. Versions
 * other than 1 are skipped by the chassis ({@link MessageConsumer#versions()}).
 */
@Configuration(proxyBeanMethods = false)
class OrderEventsConsumer {

	@Bean
	MessageConsumer orderEvents(ShipmentManagement shipments) {
		return MessageConsumer.of(OrderEvents.QUEUE, OrderEvents.EXCHANGE)
			.on(OrderEvents.CONFIRMED, OrderConfirmedV1.class,
					(confirmed) -> shipments.create(confirmed.requiredOrderId(), confirmed.requiredUserId(),
							confirmed.requiredShippingAddress()))
			.on(OrderEvents.CANCELLED, OrderCancelledV1.class,
					(cancelled) -> shipments.cancel(cancelled.requiredOrderId()))
			.build();
	}

}
