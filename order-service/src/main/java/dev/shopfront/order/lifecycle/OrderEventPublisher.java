package dev.shopfront.order.lifecycle;

import java.time.Instant;
import java.util.Objects;

import dev.shopfront.chassis.messaging.Outbox;
import dev.shopfront.order.lifecycle.events.OrderCancelledV1;
import dev.shopfront.order.lifecycle.events.OrderConfirmedV1;
import dev.shopfront.order.lifecycle.events.OrderDeliveredV1;
import dev.shopfront.order.lifecycle.events.OrderEvents;
import dev.shopfront.order.lifecycle.events.OrderRejectedV1;
import dev.shopfront.order.lifecycle.events.OrderShippedV1;

import org.springframework.stereotype.Component;

/**
 * Announces an order's transitions as order events, through the outbox, in the
 * transaction that made them. The mapping from the aggregate to each event's data lives
 * here, so the event records know nothing of the domain.
 */
@Component
public class OrderEventPublisher {

	private final Outbox outbox;

	OrderEventPublisher(Outbox outbox) {
		this.outbox = outbox;
	}

	/**
	 * {@code order.confirmed}: what was bought, at what price, shipped where.
	 * @param order the order, just confirmed
	 * @param at when
	 */
	public void confirmed(Order order, Instant at) {
		ShippingAddress address = order.shippingAddress();
		this.outbox.publish(OrderEvents.ORDER_CONFIRMED, subject(order),
				new OrderConfirmedV1(order.id(), order.userId(),
						order.lines()
							.stream()
							.map((line) -> new OrderConfirmedV1.Item(line.sku(), line.quantity(),
									Objects.requireNonNull(line.unitPrice(), "unit price").toPlainString()))
							.toList(),
						Objects.requireNonNull(order.total(), "total").toPlainString(),
						Objects.requireNonNull(order.currency(), "currency"),
						new OrderConfirmedV1.Address(address.line1(), address.line2(), address.city(),
								address.postalCode(), address.country()),
						at));
	}

	/**
	 * {@code order.rejected}: whatever inventory may hold for it goes back.
	 * @param order the order, just rejected
	 * @param reason why
	 * @param at when
	 */
	public void rejected(Order order, CancelReason reason, Instant at) {
		this.outbox.publish(OrderEvents.ORDER_REJECTED, subject(order),
				new OrderRejectedV1(order.id(), order.userId(), reason.name(), at));
	}

	/**
	 * {@code order.cancelled}: inventory releases or returns the stock.
	 * @param order the order, just cancelled
	 * @param reason why
	 * @param at when
	 */
	public void cancelled(Order order, CancelReason reason, Instant at) {
		this.outbox.publish(OrderEvents.ORDER_CANCELLED, subject(order),
				new OrderCancelledV1(order.id(), order.userId(), reason.name(), at));
	}

	/**
	 * {@code order.shipped}.
	 * @param order the order, just shipped
	 * @param at when
	 */
	public void shipped(Order order, Instant at) {
		this.outbox.publish(OrderEvents.ORDER_SHIPPED, subject(order),
				new OrderShippedV1(order.id(), order.userId(), at));
	}

	/**
	 * {@code order.delivered}.
	 * @param order the order, just delivered
	 * @param at when
	 */
	public void delivered(Order order, Instant at) {
		this.outbox.publish(OrderEvents.ORDER_DELIVERED, subject(order),
				new OrderDeliveredV1(order.id(), order.userId(), at));
	}

	private static String subject(Order order) {
		return order.id().toString();
	}

}
