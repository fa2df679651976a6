package dev.shopfront.inventory.reservation.messaging;

import java.util.UUID;

import dev.shopfront.chassis.messaging.MessageConsumer;
import dev.shopfront.inventory.reservation.Reservations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Moves reservations with the orders: {@code order.confirmed} commits,
 * {@code order.cancelled} releases or returns, {@code order.rejected} releases or voids
 * (see {@link Reservations#releaseRejected}). Through the chassis inbox, so a redelivered
 * event changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class OrderEventsConsumer {

	private static final Logger log = LoggerFactory.getLogger(OrderEventsConsumer.class);

	@Bean
	MessageConsumer orderEvents(Reservations reservations) {
		return MessageConsumer.of("inventory.order-events", "order.events")
			.on("order.confirmed", OrderRef.class,
					(order) -> logUnmoved("order.confirmed", order, reservations.commit(order.orderId())))
			.on("order.cancelled", OrderRef.class,
					(order) -> logUnmoved("order.cancelled", order, reservations.cancel(order.orderId())))
			.on("order.rejected", OrderRef.class,
					(order) -> log.info("Order {} was rejected: its reservation is {}", order.orderId(),
							reservations.releaseRejected(order.orderId())))
			.build();
	}

	private static void logUnmoved(String type, OrderRef order, boolean moved) {
		if (!moved) {
			log.info("{} for order {} left its reservation as it was", type, order.orderId());
		}
	}

	/**
	 * What this consumer reads of an order event (tolerant reader).
	 *
	 * @param orderId the order
	 */
	record OrderRef(UUID orderId) {
	}

}
