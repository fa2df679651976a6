package dev.shopfront.inventory.reservation.messaging;

import java.util.List;
import java.util.UUID;

import dev.shopfront.chassis.messaging.IncomingMessage;
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
		return new MessageConsumer("inventory.order-events", "order.events",
				List.of("order.confirmed", "order.cancelled", "order.rejected"),
				(message) -> apply(reservations, message));
	}

	private static void apply(Reservations reservations, IncomingMessage message) {
		UUID orderId = message.data(OrderRef.class).orderId();
		boolean moved = switch (message.envelope().type()) {
			case "order.confirmed" -> reservations.commit(orderId);
			case "order.cancelled" -> reservations.cancel(orderId);
			case "order.rejected" -> {
				log.info("Order {} was rejected: its reservation is {}", orderId,
						reservations.releaseRejected(orderId));
				yield true;
			}
			default -> false;
		};
		if (!moved) {
			log.info("{} for order {} left its reservation as it was", message.envelope().type(), orderId);
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
