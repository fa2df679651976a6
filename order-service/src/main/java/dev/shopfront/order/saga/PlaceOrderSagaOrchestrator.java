package dev.shopfront.order.saga;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;

import dev.shopfront.chassis.metrics.Committed;
import dev.shopfront.order.config.OrderProperties;
import dev.shopfront.order.lifecycle.CancelReason;
import dev.shopfront.order.lifecycle.Order;
import dev.shopfront.order.lifecycle.OrderEventPublisher;
import dev.shopfront.order.lifecycle.OrderLine;
import dev.shopfront.order.lifecycle.OrderNotFoundException;
import dev.shopfront.order.lifecycle.OrderStatus;
import dev.shopfront.order.lifecycle.OrderTotalTooLargeException;
import dev.shopfront.order.lifecycle.Orders;
import dev.shopfront.order.saga.PlaceOrderSaga.Action;
import dev.shopfront.order.saga.participants.InventoryParticipant;
import dev.shopfront.order.saga.participants.PaymentParticipant;
import dev.shopfront.order.saga.participants.Reservation;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the {@link PlaceOrderSaga}: one method per thing that can happen to an order being
 * placed (the stock answer, each payment reply, the deadline, an expired reservation, a
 * customer's cancel). Each loads the saga and its order, lets the saga decide, and
 * carries out the decision in the same transaction: the order's transition, its event and
 * the commands to the participants, all through the outbox. Concurrent deciders (a reply,
 * the sweeper of any instance, a customer) take turns on the saga's row
 * ({@code SELECT ... FOR UPDATE}), so each sees what the one before it decided; the
 * versions on both rows are a second guard.
 * <p>
 * The participants: inventory-service over REST ({@link InventoryParticipant}, called
 * with no transaction open), payment-service over messages ({@link PaymentParticipant};
 * its replies arrive through {@code saga.messaging.ParticipantMessagesConsumer}).
 */
@Service
public class PlaceOrderSagaOrchestrator {

	private static final Logger log = LoggerFactory.getLogger(PlaceOrderSagaOrchestrator.class);

	private final PlaceOrderSagas sagas;

	private final Orders orders;

	private final InventoryParticipant inventory;

	private final PaymentParticipant payment;

	private final OrderEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final OrderProperties properties;

	private final MeterRegistry meters;

	PlaceOrderSagaOrchestrator(PlaceOrderSagas sagas, Orders orders, InventoryParticipant inventory,
			PaymentParticipant payment, OrderEventPublisher events, PlatformTransactionManager transactionManager,
			Clock clock, OrderProperties properties, MeterRegistry meters) {
		this.sagas = sagas;
		this.orders = orders;
		this.inventory = inventory;
		this.payment = payment;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.properties = properties;
		this.meters = meters;
	}

	/**
	 * Step 0, in the transaction that stores the PENDING order: a saga for it.
	 * @param order the order
	 * @param cardToken the card to charge once the stock is held
	 */
	@Transactional
	public void begin(Order order, String cardToken) {
		Instant now = this.clock.instant();
		this.sagas.save(new PlaceOrderSaga(order.id(), cardToken, now));
		count("placed", "NONE", null, now);
	}

	/**
	 * Step 1: reserves the stock at inventory-service (no transaction open during the
	 * call), then lets the saga decide on the answer.
	 * @param orderId a PENDING order whose saga is reserving
	 * @param quantities its units per SKU, as the request that placed it listed them (the
	 * order was stored with them a moment ago: read again, they would cost a transaction
	 * and three selects)
	 * @return how it ended for the customer's request
	 */
	public PlacementResult reserveStock(UUID orderId, Map<String, Integer> quantities) {
		Reservation answer = this.meters.timer("shopfront.saga.step.duration", "step", "reserve-stock")
			.record(() -> this.inventory.reserve(orderId, quantities));
		return stockAnswered(orderId, Objects.requireNonNull(answer), true);
	}

	/**
	 * The sweeper's resumption of a saga whose request died while it reserved (a crash):
	 * asks inventory-service again (idempotent by order id) and moves on; while
	 * inventory-service cannot be reached the saga waits, until it is given up on.
	 * @param orderId the order
	 * @return the result
	 */
	public PlacementResult resume(UUID orderId) {
		PlaceOrderSaga saga = this.sagas.findById(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
		if (saga.step() != PlaceOrderSaga.Step.RESERVING) {
			return current(orderId);
		}
		Reservation answer = this.inventory.reserve(orderId, quantities(order(orderId)));
		Duration age = Duration.between(saga.startedAt(), this.clock.instant());
		boolean giveUp = age.compareTo(this.properties.sweeper().reservingGiveUpAfter()) >= 0;
		return stockAnswered(orderId, answer, giveUp);
	}

	private PlacementResult stockAnswered(UUID orderId, Reservation answer, boolean rejectWhenUnavailable) {
		return this.transactions.execute((status) -> {
			PlaceOrderSaga saga = saga(orderId);
			Order order = order(orderId);
			if (saga.step() != PlaceOrderSaga.Step.RESERVING) {
				return current(orderId); // another instance's sweeper got there first
			}
			Instant now = this.clock.instant();
			List<Action> actions;
			PlacementResult result;
			switch (answer) {
				case Reservation.Held held when held.currencies().size() == 1 -> {
					try {
						order.price(held.unitPrices(), held.currencies().get(0), now);
						actions = saga.reserved(now, this.properties.paymentTimeout());
						result = new PlacementResult.Accepted(order);
					}
					catch (OrderTotalTooLargeException ex) {
						actions = saga.refused(CancelReason.TOTAL_TOO_LARGE, now);
						result = new PlacementResult.Rejected(order, null);
					}
				}
				case Reservation.Held mixed -> {
					actions = saga.refused(CancelReason.MIXED_CURRENCIES, now);
					result = new PlacementResult.Rejected(order, mixed);
				}
				case Reservation.ShortStock shortStock -> {
					actions = saga.refused(CancelReason.OUT_OF_STOCK, now);
					result = new PlacementResult.Rejected(order, shortStock);
				}
				case Reservation.UnknownProducts unknown -> {
					actions = saga.refused(CancelReason.UNKNOWN_PRODUCT, now);
					result = new PlacementResult.Rejected(order, unknown);
				}
				case Reservation.Unavailable unavailable -> {
					if (!rejectWhenUnavailable) {
						return new PlacementResult.InFlight(order);
					}
					actions = saga.refused(CancelReason.INVENTORY_UNAVAILABLE, now);
					result = new PlacementResult.Unavailable(order, unavailable.retryAfter());
				}
			}
			carryOut(saga, order, actions);
			return result;
		});
	}

	/** payment.authorized arrived. */
	@Transactional
	public void paymentAuthorized(UUID orderId, UUID paymentId) {
		decide(orderId, (saga, now) -> saga.authorized(paymentId, now));
	}

	/** payment.declined arrived. */
	@Transactional
	public void paymentDeclined(UUID orderId) {
		decide(orderId, (saga, now) -> saga.declined(now));
	}

	/** payment.refunded arrived. */
	@Transactional
	public void paymentRefunded(UUID orderId, UUID paymentId) {
		decide(orderId, (saga, now) -> saga.refunded(paymentId, now));
	}

	/** inventory.reservation-expired arrived. */
	@Transactional
	public void reservationExpired(UUID orderId) {
		PlaceOrderSaga saga = this.sagas.findForDecision(orderId).orElse(null);
		if (saga == null) {
			log.info("Reservation of unknown order {} expired; nothing to do", orderId);
			return;
		}
		carryOut(saga, order(orderId), saga.reservationExpired(this.clock.instant()));
	}

	/**
	 * The sweeper's check of a saga waiting for its payment.
	 * @param orderId the order
	 * @return whether the order was cancelled for want of payment
	 */
	@Transactional
	public boolean checkDeadline(UUID orderId) {
		return !decide(orderId, PlaceOrderSaga::checkDeadline).isEmpty();
	}

	/**
	 * The customer (or an administrator) cancels the order.
	 * @param orderId the order
	 * @return the order, cancelled
	 * @throws dev.shopfront.order.lifecycle.OrderNotCancellableException once it has
	 * shipped
	 * @throws PlacementInProgressException while it is still being placed
	 */
	@Transactional
	public Order cancel(UUID orderId) {
		PlaceOrderSaga saga = saga(orderId);
		Order order = order(orderId);
		if (order.status() == OrderStatus.CANCELLED) {
			return order; // cancelling twice is the same as once
		}
		order.requireCancellable();
		carryOut(saga, order, saga.cancelRequested(this.clock.instant()));
		return order;
	}

	/**
	 * The result as the order's state tells it now (for a repeat of a request whose
	 * answer was never stored).
	 * @param orderId the order
	 * @return the result
	 */
	public PlacementResult current(UUID orderId) {
		return this.transactions.execute((status) -> {
			// the saga first: the order read after it is at least as new (both are
			// written in one transaction)
			PlaceOrderSaga saga = this.sagas.findById(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
			Order order = order(orderId);
			if (saga.step() == PlaceOrderSaga.Step.RESERVING) {
				return new PlacementResult.InFlight(order);
			}
			if (order.status() == OrderStatus.REJECTED) {
				return CancelReason.INVENTORY_UNAVAILABLE.name().equals(order.reason())
						? new PlacementResult.Unavailable(order, this.properties.inventory().openFor())
						: new PlacementResult.Rejected(order, null);
			}
			return new PlacementResult.Accepted(order);
		});
	}

	/**
	 * Loads the saga (locked) and its order, lets the saga decide on what happened, and
	 * carries the decision out, in the caller's transaction.
	 * @return the decision
	 */
	private List<Action> decide(UUID orderId, BiFunction<PlaceOrderSaga, Instant, List<Action>> decision) {
		PlaceOrderSaga saga = saga(orderId);
		List<Action> actions = decision.apply(saga, this.clock.instant());
		carryOut(saga, order(orderId), actions);
		return actions;
	}

	/**
	 * Carries out what the saga decided, inside the deciding transaction.
	 */
	private void carryOut(PlaceOrderSaga saga, Order order, List<Action> actions) {
		Instant now = this.clock.instant();
		for (Action action : actions) {
			switch (action) {
				case Action.RequestAuthorization authorize ->
					this.payment.requestAuthorization(order, authorize.cardToken());
				case Action.ConfirmOrder confirm -> {
					order.confirm(now);
					this.events.confirmed(order, now);
					count("confirmed", "NONE", saga, now);
				}
				case Action.RejectOrder reject -> {
					order.reject(reject.reason(), now);
					this.events.rejected(order, reject.reason(), now);
					count("rejected", reject.reason().name(), saga, now);
				}
				case Action.CancelOrder cancel -> {
					order.cancel(cancel.reason(), now);
					this.events.cancelled(order, cancel.reason(), now);
					count("cancelled", cancel.reason().name(), saga, now);
				}
				case Action.RequestRefund refund -> {
					this.payment.requestRefund(order, refund.paymentId(), refund.reason());
					order.note("REFUND_REQUESTED", now);
				}
				case Action.NoteRefund noted -> order.note("PAYMENT_REFUNDED", now);
			}
		}
		// each written only when it changed, over the version it was read at
		this.orders.save(order);
		this.sagas.save(saga);
		if (!actions.isEmpty()) {
			log.info("Order {} is {} (saga {}, payment {})", order.id(), order.status(), saga.step(), saga.payment());
		}
	}

	/**
	 * Counts an order's outcome, and for a finished saga how long it took from the order
	 * to the outcome and how long its payment step took, once its transaction commits (a
	 * rolled-back one did not happen).
	 */
	private void count(String outcome, String reason, @Nullable PlaceOrderSaga finished, Instant now) {
		Committed.then(() -> {
			this.meters.counter("shopfront.orders", "outcome", outcome, "reason", reason).increment();
			if (finished != null) {
				this.meters.timer("shopfront.saga.duration", "outcome", outcome)
					.record(Duration.between(finished.startedAt(), now));
				Instant deadline = finished.paymentDeadline();
				if (deadline != null) {
					// the payment step: from the request (its deadline less the timeout)
					// to the
					// answer, or to the deadline when none came in time
					Instant requested = deadline.minus(this.properties.paymentTimeout());
					Instant ended = now.isBefore(deadline) ? now : deadline;
					if (!ended.isBefore(requested)) {
						this.meters.timer("shopfront.saga.step.duration", "step", "payment")
							.record(Duration.between(requested, ended));
					}
				}
			}
		});
	}

	private PlaceOrderSaga saga(UUID orderId) {
		return this.sagas.findForDecision(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
	}

	private Order order(UUID orderId) {
		return this.orders.findById(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
	}

	private static Map<String, Integer> quantities(Order order) {
		Map<String, Integer> quantities = new LinkedHashMap<>();
		for (OrderLine line : order.lines()) {
			quantities.put(line.sku(), line.quantity());
		}
		return quantities;
	}

}
