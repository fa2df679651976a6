package dev.shopfront.order.lifecycle;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Lets a request wait, without polling, until an order's status changes: PostgreSQL
 * announces every change on the channel {@code order_status} (a trigger, Flyway V2), and
 * one connection per instance, outside the pool, listens and wakes the requests waiting
 * for that order. The request waits on its own (virtual) thread, at most {@code max}
 * ({@code shopfront.order.wait.max}, 8 s: inside the gateway's 10 s read timeout), and at
 * most {@code max-waiters} requests wait at once; beyond that a request is answered at
 * once. When the listening connection is lost every waiting request is woken to read
 * again (a change may have been missed), and the connection is made anew.
 */
@Component
public class OrderStatusWatch implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OrderStatusWatch.class);

	private final DataSource dataSource;

	private final Duration max;

	private final int maxWaiters;

	private final Map<UUID, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();

	private final AtomicInteger waiters = new AtomicInteger();

	private volatile boolean running;

	private volatile @Nullable Thread listener;

	OrderStatusWatch(DataSource dataSource, @Value("${shopfront.order.wait.max:8s}") Duration max,
			@Value("${shopfront.order.wait.max-waiters:1000}") int maxWaiters, MeterRegistry meters) {
		this.dataSource = dataSource;
		this.max = max;
		this.maxWaiters = maxWaiters;
		Gauge.builder("shopfront.order.status.waiters", this.waiters, AtomicInteger::get)
			.description("Requests waiting for an order's status to change (Prefer: wait)")
			.register(meters);
	}

	/**
	 * The longest a request may wait.
	 * @return the bound
	 */
	public Duration max() {
		return this.max;
	}

	/**
	 * Reads an order, and while there is something to wait for, waits until its status
	 * changes or the time is up, then reads it again. It registers before its first read,
	 * so a change between that read and the wait is not missed, and that one read is all
	 * an order with nothing to wait for costs: two reads at most, never a read merely to
	 * decide whether to register.
	 * @param <T> what a read gives
	 * @param orderId the order
	 * @param wait how long at most (capped at {@link #max()})
	 * @param read reads the order (its exceptions, such as not found, pass through)
	 * @param stillUnchanged whether what was read is still worth waiting for
	 * @return the last read; the first, and only, when too many requests wait already
	 */
	public <T> T await(UUID orderId, Duration wait, Supplier<T> read, Predicate<T> stillUnchanged) {
		if (!this.running || this.waiters.incrementAndGet() > this.maxWaiters) {
			this.waiters.decrementAndGet();
			return read.get();
		}
		CompletableFuture<Void> woken = new CompletableFuture<>();
		this.waiting.computeIfAbsent(orderId, (id) -> ConcurrentHashMap.newKeySet()).add(woken);
		try {
			T first = read.get();
			if (!stillUnchanged.test(first)) {
				return first;
			}
			Duration bounded = (wait.compareTo(this.max) > 0) ? this.max : wait;
			try {
				woken.get(bounded.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				// the time is up: the caller gets what is read now
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException(ex);
			}
			return read.get();
		}
		finally {
			this.waiting.computeIfPresent(orderId, (id, set) -> {
				set.remove(woken);
				return set.isEmpty() ? null : set;
			});
			this.waiters.decrementAndGet();
		}
	}

	/**
	 * How many requests wait now.
	 * @return the count
	 */
	public int waiting() {
		return this.waiters.get();
	}

	private void wake(UUID orderId) {
		Set<CompletableFuture<Void>> woken = this.waiting.get(orderId);
		if (woken != null) {
			woken.forEach((future) -> future.complete(null));
		}
	}

	private void wakeAll() {
		this.waiting.values().forEach((set) -> set.forEach((future) -> future.complete(null)));
	}

	private void listen() {
		while (this.running) {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				statement.execute("listen order_status");
				// changes while no connection listened were missed: everyone reads again
				wakeAll();
				PGConnection postgres = connection.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] notifications = postgres.getNotifications(1_000);
					if (notifications == null) {
						continue;
					}
					for (PGNotification notification : notifications) {
						try {
							wake(UUID.fromString(notification.getParameter()));
						}
						catch (IllegalArgumentException ex) {
							log.warn("Ignored a notification on order_status that names no order");
						}
					}
				}
			}
			catch (SQLException ex) {
				if (this.running) {
					log.warn("Listening for order status changes failed, listening again in 1 s: {}", ex.getMessage());
					wakeAll();
					try {
						TimeUnit.SECONDS.sleep(1);
					}
					catch (InterruptedException interrupted) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			}
		}
	}

	/**
	 * A connection of its own, outside the pool (it is held for as long as it listens).
	 */
	private Connection connect() throws SQLException {
		if (this.dataSource instanceof HikariDataSource hikari) {
			return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
		}
		return this.dataSource.getConnection();
	}

	@Override
	public void start() {
		this.running = true;
		this.listener = Thread.ofPlatform().name("order-status-listener").daemon().start(this::listen);
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.listener;
		if (thread != null) {
			thread.interrupt();
		}
		wakeAll();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
