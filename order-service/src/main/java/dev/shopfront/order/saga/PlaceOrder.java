package dev.shopfront.order.saga;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import dev.shopfront.order.customer.Customers;
import dev.shopfront.order.lifecycle.Order;
import dev.shopfront.order.lifecycle.Orders;
import dev.shopfront.order.lifecycle.ShippingAddress;
import dev.shopfront.order.saga.idempotency.Claim;
import dev.shopfront.order.saga.idempotency.IdempotencyKeys;
import dev.shopfront.order.saga.idempotency.IdempotentRequests;
import dev.shopfront.order.saga.participants.InventoryParticipant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Placing an order, the use case behind {@code POST /api/orders}: under the request's
 * Idempotency-Key, store the order PENDING and begin its saga (one transaction), then let
 * the saga reserve its stock and decide (see {@link PlaceOrderSagaOrchestrator}).
 */
@Service
public class PlaceOrder {

	private final Orders orders;

	private final IdempotencyKeys keys;

	private final Customers customers;

	private final PlaceOrderSagaOrchestrator saga;

	private final InventoryParticipant inventory;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PlaceOrder(Orders orders, IdempotencyKeys keys, Customers customers, PlaceOrderSagaOrchestrator saga,
			InventoryParticipant inventory, PlatformTransactionManager transactionManager, Clock clock) {
		this.orders = orders;
		this.keys = keys;
		this.customers = customers;
		this.saga = saga;
		this.inventory = inventory;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * What one attempt to place the order means, for {@link IdempotentRequests}.
	 * @param key the customer's Idempotency-Key
	 * @param requestHash the request's hash
	 * @param command the request
	 * @return the attempts
	 */
	public IdempotentRequests.Attempts<PlacementResult> attempts(String key, String requestHash,
			PlaceOrderCommand command) {
		UUID userId = command.userId();
		return new IdempotentRequests.Attempts<>() {

			@Override
			public Claim claim() {
				return start(key, requestHash, command);
			}

			@Override
			public PlacementResult run(UUID orderId) {
				return PlaceOrder.this.saga.reserveStock(orderId, command.quantities());
			}

			@Override
			public boolean settleAndRelease(UUID orderId) {
				// the failed attempt was rejected because inventory-service did not
				// answer: it may hold stock for it all the same. A new order only once
				// inventory-service says it holds nothing for the first.
				if (!PlaceOrder.this.inventory.releaseRejected(orderId)) {
					return false;
				}
				PlaceOrder.this.keys.release(userId, key, orderId);
				return true;
			}

			@Override
			public Optional<PlacementResult> current(UUID orderId) {
				// the first request died with its instance before it stored its answer:
				// the order's state answers (the sweeper finishes its saga)
				PlacementResult current = PlaceOrder.this.saga.current(orderId);
				return (current instanceof PlacementResult.InFlight) ? Optional.empty() : Optional.of(current);
			}

		};
	}

	/**
	 * Stores the answer of a request under its key, for its repeats.
	 * @param userId the customer
	 * @param key the key
	 * @param status the HTTP status
	 * @param body the body, as sent
	 */
	public void remember(UUID userId, String key, int status, String body) {
		this.keys.complete(userId, key, status, body);
	}

	private Claim start(String key, String requestHash, PlaceOrderCommand command) {
		return this.transactions.execute((status) -> {
			Claim claim = this.keys.claim(command.userId(), key, requestHash, UUID.randomUUID());
			if (claim instanceof Claim.Started started) {
				ShippingAddress address = (command.shippingAddress() != null) ? command.shippingAddress()
						: this.customers.defaultShippingAddress(command.userId())
							.orElseThrow(NoShippingAddressException::new);
				Order order = Order.place(started.orderId(), command.userId(), command.quantities(), address,
						this.clock.instant());
				this.orders.save(order);
				this.saga.begin(order, command.cardToken());
			}
			return claim;
		});
	}

}
