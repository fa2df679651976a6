package dev.shopfront.order.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to a confirmed order after the saga: it ships and is delivered. A
 * redelivered shipment event finds the order already moved and changes nothing.
 */
@Service
public class OrderFulfilment {

	private static final Logger log = LoggerFactory.getLogger(OrderFulfilment.class);

	private final Orders orders;

	private final OrderEventPublisher events;

	private final Clock clock;

	private final Counter dispatchedAfterCancellation;

	OrderFulfilment(Orders orders, OrderEventPublisher events, Clock clock, MeterRegistry meters) {
		this.orders = orders;
		this.events = events;
		this.clock = clock;
		this.dispatchedAfterCancellation = Counter.builder("shopfront.orders.dispatched.after.cancellation")
			.description("Shipments dispatched for orders that had been cancelled meanwhile (recall them)")
			.register(meters);
	}

	/** The order's shipment was dispatched: CONFIRMED → SHIPPED, order.shipped. */
	@Transactional
	public void shipped(UUID orderId) {
		Order order = this.orders.findById(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
		Instant now = this.clock.instant();
		if (order.status() == OrderStatus.CANCELLED) {
			if (order.dispatchedAfterCancellation(now)) {
				this.orders.save(order);
				this.dispatchedAfterCancellation.increment();
				log.warn("Order {} was cancelled ({}) but its shipment was dispatched meanwhile: the parcel must be "
						+ "recalled; the order stays cancelled", orderId, order.reason());
			}
			return;
		}
		if (order.status() != OrderStatus.CONFIRMED) {
			log.info("Order {} is {}; shipment.dispatched changes nothing", orderId, order.status());
			return;
		}
		order.ship(now);
		this.orders.save(order);
		this.events.shipped(order, now);
	}

	/** The order's shipment was delivered: SHIPPED → DELIVERED, order.delivered. */
	@Transactional
	public void delivered(UUID orderId) {
		Order order = this.orders.findById(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
		if (order.status() != OrderStatus.SHIPPED) {
			log.info("Order {} is {}; shipment.delivered changes nothing", orderId, order.status());
			return;
		}
		Instant now = this.clock.instant();
		order.deliver(now);
		this.orders.save(order);
		this.events.delivered(order, now);
	}

}
