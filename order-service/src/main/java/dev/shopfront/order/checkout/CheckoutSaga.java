package dev.shopfront.order.checkout;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.shopfront.chassis.messaging.Outbox;
import dev.shopfront.order.checkout.Checkout.Action;
import dev.shopfront.order.events.AuthorizePaymentV1;
import dev.shopfront.order.events.OrderCancelledV1;
import dev.shopfront.order.events.OrderConfirmedV1;
import dev.shopfront.order.events.OrderEvents;
import dev.shopfront.order.events.OrderRejectedV1;
import dev.shopfront.order.events.RefundPaymentV1;
import dev.shopfront.order.order.Order;
import dev.shopfront.order.order.OrderLine;
import dev.shopfront.order.order.OrderNotFoundException;
import dev.shopfront.order.order.OrderStatus;
import dev.shopfront.order.order.Orders;
import dev.shopfront.order.order.ShippingAddress;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The saga's orchestrator: one transactional method per thing that can happen to a placed
 * order. Each loads the saga and the order, lets the saga decide, and carries out its
 * decision (order transitions, commands and events through the outbox) in the same
 * transaction. Concurrent deciders (a reply, the sweeper of any instance, a customer)
 * take turns on the saga row ({@code SELECT ... FOR UPDATE}), so each sees what the one
 * before it decided; the versions on both rows are a second guard.
 */
@Service
public class CheckoutSaga {

	private static final Logger log = LoggerFactory.getLogger(CheckoutSaga.class);

	private final Checkouts checkouts;

	private final Orders orders;

	private final Outbox outbox;

	private final Clock clock;

	private final MeterRegistry meters;

	CheckoutSaga(Checkouts checkouts, Orders orders, Outbox outbox, Clock clock, MeterRegistry meters) {
		this.checkouts = checkouts;
		this.orders = orders;
		this.outbox = outbox;
		this.clock = clock;
		this.meters = meters;
	}

	/** payment.authorized arrived. */
	@Transactional
	public void paymentAuthorized(UUID orderId, UUID paymentId) {
		Checkout saga = saga(orderId);
		run(saga, order(orderId), saga.authorized(paymentId, this.clock.instant()));
	}

	/** payment.declined arrived. */
	@Transactional
	public void paymentDeclined(UUID orderId) {
		Checkout saga = saga(orderId);
		run(saga, order(orderId), saga.declined(this.clock.instant()));
	}

	/** payment.refunded arrived. */
	@Transactional
	public void paymentRefunded(UUID orderId, UUID paymentId) {
		Checkout saga = saga(orderId);
		run(saga, order(orderId), saga.refunded(paymentId, this.clock.instant()));
	}

	/** inventory.reservation-expired arrived. */
	@Transactional
	public void reservationExpired(UUID orderId) {
		Checkout saga = this.checkouts.findForDecision(orderId).orElse(null);
		if (saga == null) {
			log.info("Reservation of unknown order {} expired; nothing to do", orderId);
			return;
		}
		run(saga, order(orderId), saga.reservationExpired(this.clock.instant()));
	}

	/**
	 * The sweeper's check of a saga waiting for its payment.
	 * @param orderId the order
	 * @return whether the order was cancelled for want of payment
	 */
	@Transactional
	public boolean checkDeadline(UUID orderId) {
		Checkout saga = saga(orderId);
		List<Action> actions = saga.checkDeadline(this.clock.instant());
		run(saga, order(orderId), actions);
		return !actions.isEmpty();
	}

	/**
	 * The customer (or an administrator) cancels the order.
	 * @param orderId the order
	 * @return the order, cancelled
	 * @throws dev.shopfront.order.order.OrderNotCancellableException once it has shipped
	 * @throws CheckoutInProgressException while it is still being placed
	 */
	@Transactional
	public Order cancel(UUID orderId) {
		Checkout saga = saga(orderId);
		Order order = order(orderId);
		if (order.status() == OrderStatus.CANCELLED) {
			return order; // cancelling twice is the same as once
		}
		order.requireCancellable();
		run(saga, order, saga.cancelRequested(this.clock.instant()));
		return order;
	}

	/**
	 * Carries out what the saga decided; called inside the deciding transaction.
	 * @param saga the saga
	 * @param order its order
	 * @param actions the decision
	 */
	void run(Checkout saga, Order order, List<Action> actions) {
		Instant now = this.clock.instant();
		for (Action action : actions) {
			switch (action) {
				case Action.RequestAuthorization authorize -> this.outbox.publish(OrderEvents.AUTHORIZE_PAYMENT,
						subject(order), new AuthorizePaymentV1(order.id(), order.userId(), amount(order),
								Objects.requireNonNull(order.currency()), authorize.cardToken()));
				case Action.ConfirmOrder confirm -> {
					order.confirm(now);
					this.outbox.publish(OrderEvents.ORDER_CONFIRMED, subject(order), confirmed(order, now));
					count("confirmed", "NONE");
				}
				case Action.RejectOrder reject -> {
					order.reject(reject.reason(), now);
					// whatever inventory may hold for it (a reservation made after we
					// gave
					// up waiting, or one we cannot use) goes back
					this.outbox.publish(OrderEvents.ORDER_REJECTED, subject(order),
							new OrderRejectedV1(order.id(), order.userId(), reject.reason().name(), now));
					count("rejected", reject.reason().name());
				}
				case Action.CancelOrder cancel -> {
					order.cancel(cancel.reason(), now);
					this.outbox.publish(OrderEvents.ORDER_CANCELLED, subject(order),
							new OrderCancelledV1(order.id(), order.userId(), cancel.reason().name(), now));
					count("cancelled", cancel.reason().name());
				}
				case Action.RequestRefund refund -> {
					this.outbox.publish(OrderEvents.REFUND_PAYMENT, subject(order),
							new RefundPaymentV1(order.id(), refund.paymentId(), amount(order),
									Objects.requireNonNull(order.currency()), refund.reason()));
					order.note("REFUND_REQUESTED", now);
				}
				case Action.NoteRefund noted -> order.note("PAYMENT_REFUNDED", now);
			}
		}
		if (!actions.isEmpty()) {
			log.info("Order {} is {} (saga {}, payment {})", order.id(), order.status(), saga.step(), saga.payment());
		}
	}

	private void count(String outcome, String reason) {
		Runnable increment = () -> this.meters.counter("shopfront.orders", "outcome", outcome, "reason", reason)
			.increment();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					increment.run();
				}
			});
		}
		else {
			increment.run();
		}
	}

	private Checkout saga(UUID orderId) {
		return this.checkouts.findForDecision(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
	}

	private Order order(UUID orderId) {
		return this.orders.findById(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
	}

	private static String subject(Order order) {
		return order.id().toString();
	}

	private static String amount(Order order) {
		return Objects.requireNonNull(order.total(), "total").toPlainString();
	}

	private static OrderConfirmedV1 confirmed(Order order, Instant now) {
		ShippingAddress address = order.shippingAddress();
		List<OrderConfirmedV1.Item> items = order.lines()
			.stream()
			.map((OrderLine line) -> new OrderConfirmedV1.Item(line.sku(), line.quantity(),
					Objects.requireNonNull(line.unitPrice()).toPlainString()))
			.toList();
		BigDecimal total = Objects.requireNonNull(order.total());
		return new OrderConfirmedV1(order.id(), order.userId(), items, total.toPlainString(),
				Objects.requireNonNull(order.currency()), new OrderConfirmedV1.Address(address.line1(), address.line2(),
						address.city(), address.postalCode(), address.country()),
				now);
	}

}
