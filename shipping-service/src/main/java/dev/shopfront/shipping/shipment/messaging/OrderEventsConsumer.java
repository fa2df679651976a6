package dev.shopfront.shipping.shipment.messaging;

import java.util.List;

import dev.shopfront.chassis.messaging.EventEnvelope;
import dev.shopfront.chassis.messaging.IncomingMessage;
import dev.shopfront.chassis.messaging.MessageConsumer;
import dev.shopfront.shipping.shipment.ShipmentManagement;
import dev.shopfront.shipping.shipment.messaging.OrderEvents.OrderCancelledV1;
import dev.shopfront.shipping.shipment.messaging.OrderEvents.OrderConfirmedV1;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private static final Logger log = LoggerFactory.getLogger(OrderEventsConsumer.class);

	@Bean
	MessageConsumer orderEvents(ShipmentManagement shipments) {
		return new MessageConsumer(OrderEvents.QUEUE, OrderEvents.EXCHANGE,
				List.of(OrderEvents.CONFIRMED, OrderEvents.CANCELLED), (message) -> apply(shipments, message));
	}

	static void apply(ShipmentManagement shipments, IncomingMessage message) {
		EventEnvelope envelope = message.envelope();
		switch (envelope.type()) {
			case OrderEvents.CONFIRMED -> {
				OrderConfirmedV1 confirmed = message.data(OrderConfirmedV1.class);
				shipments.create(confirmed.requiredOrderId(), confirmed.requiredUserId(),
						confirmed.requiredShippingAddress());
			}
			case OrderEvents.CANCELLED -> shipments.cancel(message.data(OrderCancelledV1.class).requiredOrderId());
			default ->
				log.warn("Ignoring {} {}: not an order event shipping-service takes", envelope.type(), envelope.id());
		}
	}

}
