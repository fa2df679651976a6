package dev.shopfront.order.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An order: the aggregate a customer sees. Every status change goes through one of its
 * methods, which refuses a transition the order's status does not allow and records the
 * change in the order's history. {@link Orders} stores it in plain SQL and writes only
 * what changed since it was read, over the version it was read at.
 */
public class Order {

	/** The history's note for a shipment dispatched after the order was cancelled. */
	public static final String DISPATCHED_AFTER_CANCELLATION = "DISPATCHED_AFTER_CANCELLATION";

	private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = Map.of(OrderStatus.PENDING,
			Set.of(OrderStatus.CONFIRMED, OrderStatus.CANCELLED, OrderStatus.REJECTED), OrderStatus.CONFIRMED,
			Set.of(OrderStatus.SHIPPED, OrderStatus.CANCELLED), OrderStatus.SHIPPED, Set.of(OrderStatus.DELIVERED),
			OrderStatus.DELIVERED, Set.of(), OrderStatus.CANCELLED, Set.of(), OrderStatus.REJECTED, Set.of());

	private final UUID id;

	private final UUID userId;

	private OrderStatus status;

	private @Nullable String reason;

	private @Nullable String currency;

	private @Nullable BigDecimal total;

	/**
	 * The largest total an order may have: what an amount column (12 digits, 2 of them
	 * cents) holds here and at payment-service.
	 */
	public static final BigDecimal MAX_TOTAL = new BigDecimal("9999999999.99");

	private final ShippingAddress shippingAddress;

	private final List<OrderLine> lines;

	private final List<StatusChange> history;

	private final Instant createdAt;

	private Instant updatedAt;

	/** What {@link Orders} last read or wrote: null until the order is first stored. */
	private @Nullable Stored stored;

	private Order(UUID id, UUID userId, List<OrderLine> lines, ShippingAddress shippingAddress, Instant now) {
		this.id = id;
		this.userId = userId;
		this.status = OrderStatus.PENDING;
		this.shippingAddress = shippingAddress;
		this.lines = new ArrayList<>(lines);
		this.history = new ArrayList<>();
		this.createdAt = now;
		this.updatedAt = now;
		this.history.add(new StatusChange(OrderStatus.PENDING, null, now));
	}

	/** An order as stored ({@link Orders}). */
	Order(UUID id, UUID userId, OrderStatus status, @Nullable String reason, @Nullable String currency,
			@Nullable BigDecimal total, ShippingAddress shippingAddress, List<OrderLine> lines,
			List<StatusChange> history, Instant createdAt, Instant updatedAt, long version) {
		this.id = id;
		this.userId = userId;
		this.status = status;
		this.reason = reason;
		this.currency = currency;
		this.total = total;
		this.shippingAddress = shippingAddress;
		this.lines = new ArrayList<>(lines);
		this.history = new ArrayList<>(history);
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		stored(version);
	}

	/**
	 * A new order, PENDING, with unpriced lines.
	 * @param id its id
	 * @param userId its customer
	 * @param quantities units per SKU, in the order the customer listed them
	 * @param shippingAddress where it goes
	 * @param now the time
	 * @return the order
	 */
	public static Order place(UUID id, UUID userId, Map<String, Integer> quantities, ShippingAddress shippingAddress,
			Instant now) {
		if (quantities.isEmpty()) {
			throw new IllegalArgumentException("An order needs at least one line");
		}
		List<OrderLine> lines = quantities.entrySet()
			.stream()
			.map((entry) -> new OrderLine(entry.getKey(), entry.getValue(), null))
			.toList();
		return new Order(id, userId, lines, shippingAddress, now);
	}

	/**
	 * Takes the unit prices inventory-service reserved the stock at.
	 * @param unitPrices price per SKU; every line must have one
	 * @param currency their one currency
	 * @param now the time
	 */
	public void price(Map<String, BigDecimal> unitPrices, String currency, Instant now) {
		requireStatus(OrderStatus.PENDING);
		BigDecimal total = BigDecimal.ZERO;
		List<OrderLine> priced = new ArrayList<>();
		for (OrderLine line : this.lines) {
			BigDecimal price = unitPrices.get(line.sku());
			if (price == null) {
				throw new IllegalArgumentException("No price for " + line.sku());
			}
			OrderLine pricedLine = line.priced(price.setScale(2, RoundingMode.UNNECESSARY));
			priced.add(pricedLine);
			total = total.add(pricedLine.amount());
		}
		if (total.compareTo(MAX_TOTAL) > 0) {
			throw new OrderTotalTooLargeException(total, currency);
		}
		this.lines.clear();
		this.lines.addAll(priced);
		this.currency = currency;
		this.total = total.setScale(2);
		this.updatedAt = now;
	}

	/** PENDING → CONFIRMED: paid. */
	public void confirm(Instant now) {
		if (this.total == null) {
			throw new IllegalStateException("Order " + this.id + " is not priced");
		}
		moveTo(OrderStatus.CONFIRMED, null, now);
	}

	/**
	 * PENDING → REJECTED: never accepted.
	 * @param reason why
	 * @param now the time
	 */
	public void reject(CancelReason reason, Instant now) {
		moveTo(OrderStatus.REJECTED, reason.name(), now);
	}

	/**
	 * Whether the order may still be cancelled (it has not left the warehouse).
	 * @return true while PENDING or CONFIRMED
	 */
	public boolean isCancellable() {
		return this.status == OrderStatus.PENDING || this.status == OrderStatus.CONFIRMED;
	}

	/**
	 * Refuses when the order can no longer be cancelled.
	 * @throws OrderNotCancellableException once shipped, delivered or rejected
	 */
	public void requireCancellable() {
		if (!isCancellable()) {
			throw new OrderNotCancellableException(this.id, this.status);
		}
	}

	/**
	 * PENDING or CONFIRMED → CANCELLED.
	 * @param reason why
	 * @param now the time
	 * @throws OrderNotCancellableException once shipped, delivered or rejected
	 */
	public void cancel(CancelReason reason, Instant now) {
		requireCancellable();
		moveTo(OrderStatus.CANCELLED, reason.name(), now);
	}

	/** CONFIRMED → SHIPPED. */
	public void ship(Instant now) {
		moveTo(OrderStatus.SHIPPED, null, now);
	}

	/** SHIPPED → DELIVERED. */
	public void deliver(Instant now) {
		moveTo(OrderStatus.DELIVERED, null, now);
	}

	/**
	 * The shipment of this cancelled order was dispatched all the same: the dispatch and
	 * the customer's cancel crossed (shipping-service dispatched before it heard of the
	 * cancel, order-service cancelled before it heard of the dispatch). The order stays
	 * cancelled (it was refunded when paid); its history says so, once, for the people
	 * who must get the parcel back.
	 * @param now the time
	 * @return whether this was news
	 * @throws IllegalStateException when the order is not cancelled
	 */
	public boolean dispatchedAfterCancellation(Instant now) {
		if (this.status != OrderStatus.CANCELLED) {
			throw new IllegalStateException("Order " + this.id + " is " + this.status + ", not CANCELLED");
		}
		if (this.history.stream().anyMatch((change) -> DISPATCHED_AFTER_CANCELLATION.equals(change.reason()))) {
			return false;
		}
		note(DISPATCHED_AFTER_CANCELLATION, now);
		return true;
	}

	/**
	 * Records something that happened to the order's payment without changing its status
	 * (a refund, for example).
	 * @param note what happened
	 * @param now the time
	 */
	public void note(String note, Instant now) {
		this.history.add(new StatusChange(this.status, note, now));
		this.updatedAt = now;
	}

	private void moveTo(OrderStatus next, @Nullable String why, Instant now) {
		if (!ALLOWED.getOrDefault(this.status, Set.of()).contains(next)) {
			throw new IllegalOrderTransitionException(this.id, this.status, next);
		}
		this.status = next;
		this.reason = why;
		this.updatedAt = now;
		this.history.add(new StatusChange(next, why, now));
	}

	private void requireStatus(OrderStatus expected) {
		if (this.status != expected) {
			throw new IllegalOrderTransitionException(this.id, this.status, expected);
		}
	}

	public UUID id() {
		return this.id;
	}

	public UUID userId() {
		return this.userId;
	}

	public OrderStatus status() {
		return this.status;
	}

	public @Nullable String reason() {
		return this.reason;
	}

	public @Nullable String currency() {
		return this.currency;
	}

	public @Nullable BigDecimal total() {
		return this.total;
	}

	public ShippingAddress shippingAddress() {
		return this.shippingAddress;
	}

	public List<OrderLine> lines() {
		return Collections.unmodifiableList(this.lines);
	}

	public List<StatusChange> history() {
		return Collections.unmodifiableList(this.history);
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	@Nullable Stored stored() {
		return this.stored;
	}

	/** {@link Orders} read or wrote the order as it is now, as the given version. */
	void stored(long version) {
		this.stored = new Stored(version, List.copyOf(this.lines), this.history.size(), this.status, this.reason,
				this.currency, this.total, this.updatedAt);
	}

	/**
	 * The order as {@link Orders} last read or wrote it: its version, its lines, how many
	 * history entries are stored, and its row's changeable columns.
	 */
	record Stored(long version, List<OrderLine> lines, int history, OrderStatus status, @Nullable String reason,
			@Nullable String currency, @Nullable BigDecimal total, Instant updatedAt) {

		/** Whether the order changed since (its row, its lines or its history). */
		boolean changed(Order order) {
			return order.status != this.status || !Objects.equals(order.reason, this.reason)
					|| !Objects.equals(order.currency, this.currency) || !Objects.equals(order.total, this.total)
					|| !order.updatedAt.equals(this.updatedAt) || order.history.size() != this.history
					|| !order.lines.equals(this.lines);
		}

	}

}
