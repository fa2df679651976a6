package dev.shopfront.order.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

/**
 * An order: the aggregate a customer sees. Every status change goes through one of its
 * methods, which refuses a transition the order's status does not allow and records the
 * change in the order's history.
 */
@Entity
@Table(name = "orders")
public class Order {

	/** The history's note for a shipment dispatched after the order was cancelled. */
	public static final String DISPATCHED_AFTER_CANCELLATION = "DISPATCHED_AFTER_CANCELLATION";

	private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = Map.of(OrderStatus.PENDING,
			Set.of(OrderStatus.CONFIRMED, OrderStatus.CANCELLED, OrderStatus.REJECTED), OrderStatus.CONFIRMED,
			Set.of(OrderStatus.SHIPPED, OrderStatus.CANCELLED), OrderStatus.SHIPPED, Set.of(OrderStatus.DELIVERED),
			OrderStatus.DELIVERED, Set.of(), OrderStatus.CANCELLED, Set.of(), OrderStatus.REJECTED, Set.of());

	@Id
	private UUID id;

	@Column(name = "user_id")
	private UUID userId;

	@Enumerated(EnumType.STRING)
	private OrderStatus status;

	private @Nullable String reason;

	private @Nullable String currency;

	private @Nullable BigDecimal total;

	/**
	 * The largest total an order may have: what an amount column (12 digits, 2 of them
	 * cents) holds here and at payment-service.
	 */
	public static final BigDecimal MAX_TOTAL = new BigDecimal("9999999999.99");

	@Embedded
	private ShippingAddress shippingAddress;

	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = 50)
	@CollectionTable(name = "order_lines", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "line_no")
	private List<OrderLine> lines = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = 50)
	@CollectionTable(name = "order_history", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "entry_no")
	private List<StatusChange> history = new ArrayList<>();

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	/**
	 * Null until the order is first stored: Spring Data then knows it is new and persists
	 * it with one insert, instead of merging it (a select for the order and its lines
	 * first). It has no accessor on purpose: Spring's bean wrapper would read one, and a
	 * {@code version()} answering 0 for a new order made every save a merge.
	 */
	@Version
	private @Nullable Long version;

	protected Order() {
		// for JPA
	}

	private Order(UUID id, UUID userId, List<OrderLine> lines, ShippingAddress shippingAddress, Instant now) {
		this.id = id;
		this.userId = userId;
		this.status = OrderStatus.PENDING;
		this.shippingAddress = shippingAddress;
		this.lines = new ArrayList<>(lines);
		this.createdAt = now;
		this.updatedAt = now;
		this.history.add(new StatusChange(OrderStatus.PENDING, null, now));
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

}
