package dev.shopfront.order.checkout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.shopfront.order.checkout.Checkout.Action;
import dev.shopfront.order.checkout.IdempotencyKeys.Key;
import dev.shopfront.order.checkout.participants.InventoryClient;
import dev.shopfront.order.checkout.participants.Reservation;
import dev.shopfront.order.config.OrderProperties;
import dev.shopfront.order.customer.Customers;
import dev.shopfront.order.order.CancelReason;
import dev.shopfront.order.order.Order;
import dev.shopfront.order.order.OrderLine;
import dev.shopfront.order.order.OrderNotFoundException;
import dev.shopfront.order.order.OrderStatus;
import dev.shopfront.order.order.OrderTotalTooLargeException;
import dev.shopfront.order.order.Orders;
import dev.shopfront.order.order.ShippingAddress;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Placing an order, the saga's first steps: store it PENDING under the request's
 * idempotency key (one transaction), reserve its stock at inventory-service (no
 * transaction open during the call), then price it and request the payment, or reject it
 * (a second transaction).
 */
@Service
public class PlaceOrder {

	private final Orders orders;

	private final Checkouts checkouts;

	private final IdempotencyKeys keys;

	private final Customers customers;

	private final InventoryClient inventory;

	private final CheckoutSaga saga;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final OrderProperties properties;

	PlaceOrder(Orders orders, Checkouts checkouts, IdempotencyKeys keys, Customers customers, InventoryClient inventory,
			CheckoutSaga saga, PlatformTransactionManager transactionManager, Clock clock, OrderProperties properties) {
		this.orders = orders;
		this.checkouts = checkouts;
		this.keys = keys;
		this.customers = customers;
		this.inventory = inventory;
		this.saga = saga;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Step 1: takes the idempotency key and stores the order PENDING, or reports who has
	 * the key.
	 * @param key the customer's Idempotency-Key
	 * @param requestHash the request's hash
	 * @param command the request
	 * @return the new order's id, or the key's record
	 */
	public Claim start(String key, String requestHash, PlaceOrderCommand command) {
		return this.transactions.execute((status) -> {
			UUID orderId = UUID.randomUUID();
			Instant now = this.clock.instant();
			if (!this.keys.claim(command.userId(), key, requestHash, orderId, now)) {
				Optional<Key> taken = this.keys.find(command.userId(), key);
				return taken.<Claim>map(Claim.Taken::new).orElseGet(Claim.Retry::new);
			}
			ShippingAddress address = (command.shippingAddress() != null) ? command.shippingAddress()
					: this.customers.defaultShippingAddress(command.userId())
						.orElseThrow(NoShippingAddressException::new);
			this.orders.save(Order.place(orderId, command.userId(), command.quantities(), address, now));
			this.checkouts.save(new Checkout(orderId, command.cardToken(), now));
			return new Claim.Started(orderId);
		});
	}

	/**
	 * Steps 2 and 3: reserves the stock and moves the saga on.
	 * @param orderId a PENDING order that is reserving
	 * @return how it ended for the customer
	 */
	public PlacementResult reserve(UUID orderId) {
		Reservation reservation = this.inventory.reserve(orderId, quantities(order(orderId)));
		return apply(orderId, reservation, true);
	}

	/**
	 * The sweeper's resumption of a saga whose request died while it reserved (a crash):
	 * asks inventory-service again (idempotent by order id) and moves on; while
	 * inventory-service cannot be reached the saga waits, until it is given up on.
	 * @param orderId the order
	 * @return the result
	 */
	public PlacementResult resume(UUID orderId) {
		Checkout checkout = this.checkouts.findById(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
		if (checkout.step() != Checkout.Step.RESERVING) {
			return current(orderId);
		}
		Reservation reservation = this.inventory.reserve(orderId, quantities(order(orderId)));
		Duration age = Duration.between(checkout.startedAt(), this.clock.instant());
		boolean giveUp = age.compareTo(this.properties.sweeper().reservingGiveUpAfter()) >= 0;
		return apply(orderId, reservation, giveUp);
	}

	/**
	 * Settles the stock of an order rejected because inventory-service did not answer: it
	 * may have reserved for it after all, or still do. Asked before the customer's retry
	 * with the same Idempotency-Key places a new order, so that one request never holds
	 * stock twice ({@code order.rejected} asks the same, later).
	 * @param orderId the rejected order
	 * @return whether inventory-service confirmed it holds nothing for it now
	 */
	public boolean settleRejected(UUID orderId) {
		return this.inventory.releaseRejected(orderId);
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
			// written in
			// one transaction)
			Checkout checkout = this.checkouts.findById(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
			Order order = order(orderId);
			if (checkout.step() == Checkout.Step.RESERVING) {
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

	private PlacementResult apply(UUID orderId, Reservation reservation, boolean rejectWhenUnavailable) {
		return this.transactions.execute((status) -> {
			Checkout checkout = this.checkouts.findForDecision(orderId)
				.orElseThrow(() -> new OrderNotFoundException(orderId));
			Order order = order(orderId);
			if (checkout.step() != Checkout.Step.RESERVING) {
				return current(orderId); // another instance's sweeper got there first
			}
			Instant now = this.clock.instant();
			List<Action> actions;
			PlacementResult result;
			switch (reservation) {
				case Reservation.Held held when held.currencies().size() == 1 -> {
					try {
						order.price(held.unitPrices(), held.currencies().get(0), now);
						actions = checkout.reserved(now, this.properties.paymentTimeout());
						result = new PlacementResult.Accepted(order);
					}
					catch (OrderTotalTooLargeException ex) {
						actions = checkout.refused(CancelReason.TOTAL_TOO_LARGE, now);
						result = new PlacementResult.Rejected(order, null);
					}
				}
				case Reservation.Held mixed -> {
					actions = checkout.refused(CancelReason.MIXED_CURRENCIES, now);
					result = new PlacementResult.Rejected(order, mixed);
				}
				case Reservation.ShortStock shortStock -> {
					actions = checkout.refused(CancelReason.OUT_OF_STOCK, now);
					result = new PlacementResult.Rejected(order, shortStock);
				}
				case Reservation.UnknownProducts unknown -> {
					actions = checkout.refused(CancelReason.UNKNOWN_PRODUCT, now);
					result = new PlacementResult.Rejected(order, unknown);
				}
				case Reservation.Unavailable unavailable -> {
					if (!rejectWhenUnavailable) {
						return new PlacementResult.InFlight(order);
					}
					actions = checkout.refused(CancelReason.INVENTORY_UNAVAILABLE, now);
					result = new PlacementResult.Unavailable(order, unavailable.retryAfter());
				}
			}
			this.saga.run(checkout, order, actions);
			return result;
		});
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

	/** Who has the idempotency key. */
	public sealed interface Claim {

		/**
		 * This request: the order is stored, PENDING.
		 *
		 * @param orderId the order
		 */
		record Started(UUID orderId) implements Claim {
		}

		/**
		 * An earlier request.
		 *
		 * @param key its record
		 */
		record Taken(Key key) implements Claim {
		}

		/** The key was freed meanwhile; try again. */
		record Retry() implements Claim {
		}

	}

}
