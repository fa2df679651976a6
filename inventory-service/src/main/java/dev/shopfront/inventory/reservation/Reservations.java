package dev.shopfront.inventory.reservation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import dev.shopfront.chassis.metrics.Committed;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes stock for an order, all or nothing. Each line is one conditional UPDATE
 * ({@code available >= quantity}), so stock never goes below zero however many requests
 * race; lines are taken in SKU order, so two reservations never deadlock. Idempotent by
 * order id: the same request again returns the same reservation, a different one is
 * refused.
 */
@Service
public class Reservations {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration holdFor;

	private final MeterRegistry meters;

	Reservations(JdbcClient jdbc, Clock clock, @Value("${shopfront.inventory.reservation-ttl:15m}") Duration holdFor,
			MeterRegistry meters) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.holdFor = holdFor;
		this.meters = meters;
	}

	/**
	 * Counts what happened to reservations once it commits: {@code hold}, {@code refuse}
	 * (short or unknown stock), and the moves {@code commit}, {@code release},
	 * {@code return}; {@link ReservationExpiry} counts {@code expire} (a release too).
	 * @param move what happened
	 */
	void count(String move) {
		Committed.then(() -> this.meters.counter("shopfront.reservations", "move", move).increment());
	}

	/**
	 * Reserves the items for an order.
	 * @param orderId the order
	 * @param items SKU to quantity (duplicates already merged)
	 * @return the reservation and whether this call created it
	 * @throws UnknownProducts when a SKU is not in the catalog
	 * @throws ShortStock when any item is short; nothing is reserved then
	 * @throws ConflictingRequest when the order id was reserved with other items
	 * @throws RejectedOrder when the order was rejected before this request arrived
	 */
	@Transactional
	public Outcome reserve(UUID orderId, Map<String, Integer> items) {
		TreeMap<String, Integer> sorted = new TreeMap<>(items);
		String hash = hash(orderId, sorted);
		// microseconds, as PostgreSQL keeps them: the answer below is built from these
		// values, and must be what a later read of the reservation gives
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Instant expiresAt = now.plus(this.holdFor);
		int created = this.jdbc.sql("""
				insert into reservations (order_id, status, request_hash, expires_at, created_at, updated_at)
				values (?, 'HELD', ?, ?, ?, ?) on conflict (order_id) do nothing
				""")
			.params(orderId, hash, Timestamp.from(expiresAt), Timestamp.from(now), Timestamp.from(now))
			.update();
		if (created == 0) {
			String existingHash = this.jdbc.sql("select request_hash from reservations where order_id = ?")
				.param(orderId)
				.query(String.class)
				.optional()
				.orElse(null);
			if (existingHash == null) {
				throw new RejectedOrder(orderId);
			}
			if (!existingHash.equals(hash)) {
				throw new ConflictingRequest(orderId);
			}
			return new Outcome(find(orderId).orElseThrow(), false);
		}
		Set<String> known = Set.copyOf(this.jdbc.sql("select sku from products where sku = any(?)")
			.param(sorted.keySet().toArray(String[]::new))
			.query(String.class)
			.list());
		List<String> unknown = sorted.keySet().stream().filter((sku) -> !known.contains(sku)).toList();
		if (!unknown.isEmpty()) {
			throw new UnknownProducts(unknown);
		}
		Set<String> taken = new java.util.HashSet<>();
		List<Line> lines = new ArrayList<>();
		for (Map.Entry<String, Integer> item : sorted.entrySet()) {
			Optional<Map<String, Object>> price = this.jdbc.sql("""
					update products set available = available - ?, reserved = reserved + ?
					where sku = ? and available >= ?
					returning price, currency
					""")
				.params(item.getValue(), item.getValue(), item.getKey(), item.getValue())
				.query()
				.listOfRows()
				.stream()
				.findFirst();
			if (price.isEmpty()) {
				// counted now: the refusal happened, though its transaction rolls back
				this.meters.counter("shopfront.reservations", "move", "refuse").increment();
				throw new ShortStock(shortages(sorted, taken));
			}
			taken.add(item.getKey());
			// both columns are not null
			Line line = new Line(item.getKey(), item.getValue(),
					(BigDecimal) Objects.requireNonNull(price.get().get("price")),
					(String) Objects.requireNonNull(price.get().get("currency")));
			this.jdbc.sql("""
					insert into reservation_lines (order_id, sku, quantity, unit_price, currency)
					values (?, ?, ?, ?, ?)
					""").params(orderId, line.sku(), line.quantity(), line.unitPrice(), line.currency()).update();
			lines.add(line);
		}
		count("hold");
		// what was just written, as find(orderId) would read it (lines by SKU), without
		// reading it back
		return new Outcome(new Reservation(orderId, ReservationStatus.HELD, expiresAt, List.copyOf(lines)), true);
	}

	/**
	 * The order was confirmed: HELD → COMMITTED, the held units leave the stock. Does
	 * nothing for a reservation in any other state (a redelivered event, or one released
	 * meanwhile).
	 * @param orderId the order
	 * @return whether the reservation moved
	 */
	@Transactional
	public boolean commit(UUID orderId) {
		return move(orderId, ReservationMove.COMMIT);
	}

	/**
	 * The order was cancelled: HELD → RELEASED (held units back to available) or
	 * COMMITTED → RETURNED (units back to available). Does nothing in any other state.
	 * @param orderId the order
	 * @return whether the reservation moved
	 */
	@Transactional
	public boolean cancel(UUID orderId) {
		return move(orderId, ReservationMove.RELEASE) || move(orderId, ReservationMove.RETURN);
	}

	/**
	 * The order was rejected (order-service gave up on it, or could not use what was
	 * reserved): what is held for it goes back (HELD → RELEASED), and an order id with no
	 * reservation yet is marked VOID, so that its reservation request, should it still
	 * arrive, reserves nothing. Either way this comes in order with that request: the
	 * insert of the VOID row waits for a reservation being written for the same order id
	 * and then sees it. Idempotent; a reservation in any other state stays as it is.
	 * @param orderId the order
	 * @return the reservation's status now
	 */
	@Transactional
	public ReservationStatus releaseRejected(UUID orderId) {
		Instant now = this.clock.instant();
		int voided = this.jdbc.sql("""
				insert into reservations (order_id, status, request_hash, expires_at, created_at, updated_at)
				values (?, 'VOID', null, ?, ?, ?) on conflict (order_id) do nothing
				""").params(orderId, Timestamp.from(now), Timestamp.from(now), Timestamp.from(now)).update();
		if (voided == 0) {
			release(orderId);
		}
		return ReservationStatus.valueOf(this.jdbc.sql("select status from reservations where order_id = ?")
			.param(orderId)
			.query(String.class)
			.single());
	}

	/**
	 * HELD → RELEASED, the held units back to available; in the caller's transaction.
	 * @param orderId the order
	 * @return whether the reservation moved
	 */
	boolean release(UUID orderId) {
		return move(orderId, ReservationMove.RELEASE);
	}

	/**
	 * Makes a move of the lifecycle, if the reservation is where the move starts: one
	 * conditional UPDATE of the status, so exactly one caller wins it; then each line's
	 * units move as the move says.
	 */
	private boolean move(UUID orderId, ReservationMove move) {
		boolean moved = this.jdbc
			.sql("update reservations set status = ?, updated_at = ? where order_id = ? and status = ?")
			.params(move.to().name(), Timestamp.from(this.clock.instant()), orderId, move.from().name())
			.update() == 1;
		if (moved) {
			count(move.name().toLowerCase(Locale.ROOT));
			for (Line line : lines(orderId)) {
				this.jdbc.sql("update products set available = available + ?, reserved = reserved + ? where sku = ?")
					.params(move.availableChange(line.quantity()), move.reservedChange(line.quantity()), line.sku())
					.update();
			}
		}
		return moved;
	}

	/**
	 * A reservation.
	 * @param orderId its order
	 * @return the reservation, if there is one
	 */
	@Transactional(readOnly = true)
	public Optional<Reservation> find(UUID orderId) {
		return this.jdbc.sql("select status, expires_at from reservations where order_id = ?")
			.param(orderId)
			.query((rs, n) -> new Reservation(orderId, ReservationStatus.valueOf(rs.getString("status")),
					rs.getTimestamp("expires_at").toInstant(), lines(orderId)))
			.optional();
	}

	private List<Line> lines(UUID orderId) {
		return this.jdbc
			.sql("select sku, quantity, unit_price, currency from reservation_lines where order_id = ? order by sku")
			.param(orderId)
			.query((rs, n) -> new Line(rs.getString("sku"), rs.getInt("quantity"), rs.getBigDecimal("unit_price"),
					rs.getString("currency")))
			.list();
	}

	/**
	 * What is short: the stock as it was before this request (lines already taken in this
	 * transaction, which rolls back, are added back).
	 */
	private List<Shortage> shortages(Map<String, Integer> items, Set<String> taken) {
		List<Shortage> shortages = new ArrayList<>();
		this.jdbc.sql("select sku, available from products where sku = any(?) order by sku")
			.param(items.keySet().toArray(String[]::new))
			.query((rs, n) -> Map.entry(rs.getString("sku"), rs.getInt("available")))
			.list()
			.forEach((stock) -> {
				int requested = Objects.requireNonNull(items.get(stock.getKey()));
				int available = stock.getValue() + (taken.contains(stock.getKey()) ? requested : 0);
				if (available < requested) {
					shortages.add(new Shortage(stock.getKey(), requested, available));
				}
			});
		return shortages;
	}

	private static String hash(UUID orderId, TreeMap<String, Integer> items) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(orderId.toString().getBytes(StandardCharsets.UTF_8));
			items.forEach(
					(sku, quantity) -> digest.update(("|" + sku + "=" + quantity).getBytes(StandardCharsets.UTF_8)));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A reservation.
	 *
	 * @param orderId its order
	 * @param status where it stands
	 * @param expiresAt when a HELD reservation is released if not committed
	 * @param lines what it holds, at the prices taken
	 */
	public record Reservation(UUID orderId, ReservationStatus status, Instant expiresAt, List<Line> lines) {
	}

	/**
	 * A reserved item.
	 *
	 * @param sku the product
	 * @param quantity units held
	 * @param unitPrice the price taken when reserving
	 * @param currency its currency
	 */
	public record Line(String sku, int quantity, BigDecimal unitPrice, String currency) {
	}

	/**
	 * The answer to a reservation request.
	 *
	 * @param reservation the reservation
	 * @param created whether this request made it (false: an idempotent repeat)
	 */
	public record Outcome(Reservation reservation, boolean created) {
	}

	/**
	 * An item that is short.
	 *
	 * @param sku the product
	 * @param requested units asked for
	 * @param available units there are
	 */
	public record Shortage(String sku, int requested, int available) {
	}

	/** Some items are short; nothing was reserved. */
	public static class ShortStock extends RuntimeException {

		private final List<Shortage> unavailable;

		ShortStock(List<Shortage> unavailable) {
			super("Not enough stock for " + unavailable.size() + " item(s).");
			this.unavailable = List.copyOf(unavailable);
		}

		public List<Shortage> unavailable() {
			return this.unavailable;
		}

	}

	/** Some SKUs are not in the catalog. */
	public static class UnknownProducts extends RuntimeException {

		UnknownProducts(List<String> skus) {
			super("Unknown SKU(s): " + String.join(", ", skus) + ".");
		}

	}

	/** The order was rejected before its reservation was made: nothing is reserved. */
	public static class RejectedOrder extends RuntimeException {

		RejectedOrder(UUID orderId) {
			super("Order " + orderId + " was rejected; nothing is reserved for it.");
		}

	}

	/** The order id was reserved with other items. */
	public static class ConflictingRequest extends RuntimeException {

		ConflictingRequest(UUID orderId) {
			super("Order " + orderId + " was already reserved with other items.");
		}

	}

}
