package dev.shopfront.chassis.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.BuiltinExchangeType;
import dev.shopfront.chassis.config.ChassisProperties;
import dev.shopfront.chassis.tracing.StoredTrace;
import dev.shopfront.chassis.tracing.Untraced;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to the broker and marks them sent only when the broker has
 * confirmed them. Each batch is one transaction that takes its rows with
 * {@code FOR UPDATE SKIP LOCKED}, so several instances can relay the same outbox without
 * publishing a row twice; a row is only taken when no earlier row of the same subject is
 * still unsent, so each aggregate's events go out in the order they were written. A
 * failed batch is retried with growing back-off; a crash between publishing and marking
 * publishes again, which consumers' inboxes absorb.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final RabbitTemplate rabbit;

	private final ChassisProperties.Relay settings;

	private final Clock clock;

	private final Counter failures;

	private final Semaphore wakeUp = new Semaphore(0);

	private volatile boolean running;

	private @Nullable Thread worker;

	private Instant nextPurge = Instant.EPOCH;

	/** Exchanges declared since the last failure to publish. */
	private final Set<String> declared = ConcurrentHashMap.newKeySet();

	private Runnable housekeeping = () -> {
	};

	public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, RabbitTemplate rabbit,
			ChassisProperties.Relay settings, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.rabbit = rabbit;
		this.settings = settings;
		this.clock = clock;
		this.failures = Counter.builder("shopfront.outbox.publish.failures")
			.description("Outbox batches the broker did not confirm")
			.register(meters);
	}

	/**
	 * Work to do with the purge, every ten minutes (the inbox forgets old ids).
	 * @param housekeeping the work
	 */
	public void housekeeping(Runnable housekeeping) {
		this.housekeeping = housekeeping;
	}

	/** Wakes the relay at once, e.g. after a commit that wrote outbox rows. */
	public void wake() {
		if (this.wakeUp.availablePermits() == 0) {
			this.wakeUp.release();
		}
	}

	/**
	 * Publishes one batch of due rows and marks the confirmed ones sent.
	 * @return the rows published and confirmed
	 */
	public int relayBatch() {
		Integer sent = this.transactions.execute((status) -> {
			List<Row> rows = due();
			if (rows.isEmpty()) {
				return 0;
			}
			try {
				publish(rows);
			}
			catch (RuntimeException ex) {
				this.failures.increment();
				this.declared.clear(); // the broker may have lost an exchange: declare
										// anew
				backOff(rows, ex);
				return -rows.size();
			}
			markSent(rows);
			return rows.size();
		});
		if (sent != null && sent < 0) {
			throw new RelayFailedException(-sent);
		}
		return (sent != null) ? sent : 0;
	}

	private List<Row> due() {
		return this.jdbc.sql("""
				select o.id, o.message_id, o.exchange, o.routing_key, o.type, o.source, o.subject, o.dataschema,
				       o.payload, o.traceparent, o.tracestate, o.created_at, o.attempts
				from outbox o
				where o.sent_at is null and o.next_attempt_at <= ?
				  and o.id = (select min(e.id) from outbox e where e.subject = o.subject and e.sent_at is null)
				order by o.id
				limit ?
				for update of o skip locked
				""")
			.params(Timestamp.from(this.clock.instant()), this.settings.batchSize())
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("message_id"), rs.getString("exchange"),
					rs.getString("routing_key"),
					new EventEnvelope(rs.getString("message_id"), rs.getString("type"), rs.getString("source"),
							rs.getTimestamp("created_at").toInstant(), rs.getString("subject"),
							rs.getString("dataschema"), rs.getString("traceparent"), rs.getString("tracestate")),
					rs.getString("payload"), rs.getInt("attempts")))
			.list();
	}

	private void publish(List<Row> rows) {
		rows.stream().map(Row::exchange).distinct().forEach(this::declare);
		this.rabbit.invoke((operations) -> {
			for (Row row : rows) {
				Message message = row.envelope().toMessage(row.payload().getBytes(StandardCharsets.UTF_8));
				// Publish within the writer's trace, so the publish span (and the
				// traceparent the
				// OpenTelemetry agent injects) continue the request that wrote the row.
				try (Scope scope = writerContext(row.envelope()).makeCurrent()) {
					operations.send(row.exchange(), row.routingKey(), message);
				}
			}
			operations.waitForConfirmsOrDie(this.settings.confirmTimeout().toMillis());
			return Boolean.TRUE;
		});
	}

	/**
	 * Declares an exchange (a durable topic, as every consumer declares it too) before
	 * the first message to it, so no service declares the exchanges it publishes to
	 * itself; once per exchange while publishing succeeds.
	 */
	private void declare(String exchange) {
		if (this.declared.contains(exchange)) {
			return;
		}
		this.rabbit.execute((channel) -> channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true));
		this.declared.add(exchange);
	}

	private static Context writerContext(EventEnvelope envelope) {
		return new StoredTrace(envelope.traceparent(), envelope.tracestate()).context();
	}

	private void markSent(List<Row> rows) {
		this.jdbc.sql("update outbox set sent_at = ?, last_error = null where id = any(?)")
			.params(Timestamp.from(this.clock.instant()), rows.stream().map(Row::id).toArray(Long[]::new))
			.update();
	}

	private void backOff(List<Row> rows, RuntimeException ex) {
		String error = describe(ex);
		log.warn("Relaying {} outbox rows failed, will retry: {}", rows.size(), error);
		Instant now = this.clock.instant();
		for (Row row : rows) {
			this.jdbc.sql("update outbox set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ?")
				.params(Timestamp.from(now.plus(backoff(row.attempts() + 1))), error, row.id())
				.update();
		}
	}

	Duration backoff(int attempts) {
		long initial = this.settings.initialBackoff().toMillis();
		long max = this.settings.maxBackoff().toMillis();
		long millis = (attempts >= 30) ? max : Math.min(max, initial * (1L << Math.max(0, attempts - 1)));
		return Duration.ofMillis(millis);
	}

	private static String describe(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String text = root.getClass().getSimpleName() + ": " + root.getMessage();
		return (text.length() > 1000) ? text.substring(0, 1000) : text;
	}

	/**
	 * Deletes sent rows older than the retention.
	 * @return rows deleted
	 */
	public int purge() {
		return this.jdbc.sql("delete from outbox where sent_at < ?")
			.param(Timestamp.from(this.clock.instant().minus(this.settings.retention())))
			.update();
	}

	private void loop() {
		while (this.running) {
			int sent = 0;
			try {
				sent = relayBatch();
				purgeNowAndThen();
			}
			catch (RelayFailedException ex) {
				// rows carry their own back-off; the sweep picks them up when due
			}
			catch (RuntimeException ex) {
				this.failures.increment();
				this.declared.clear(); // the broker may have lost an exchange: declare
										// anew
				log.warn("Outbox relay failed: {}", describe(ex));
			}
			if (sent < this.settings.batchSize()) {
				try {
					this.wakeUp.tryAcquire(this.settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
					this.wakeUp.drainPermits();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private void purgeNowAndThen() {
		Instant now = this.clock.instant();
		if (now.isAfter(this.nextPurge)) {
			this.nextPurge = now.plus(Duration.ofMinutes(10));
			int purged = purge();
			if (purged > 0) {
				log.info("Purged {} sent outbox rows", purged);
			}
			this.housekeeping.run();
		}
	}

	@Override
	public void start() {
		if (!this.settings.enabled()) {
			// this instance relays nothing (others do); its outbox rows are still written
			return;
		}
		this.running = true;
		// the poll is no request: no trace starts at it, each row is published in its
		// writer's trace (Untraced)
		this.worker = Thread.ofVirtual().name("outbox-relay").start(() -> Untraced.run(this::loop));
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.worker;
		if (thread != null) {
			// let a batch in flight finish (it is one transaction), interrupt only if it
			// hangs
			wake();
			try {
				if (!thread.join(Duration.ofSeconds(10))) {
					thread.interrupt();
					thread.join(Duration.ofSeconds(5));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// after the connection factory and listeners start, before they stop
		return Integer.MAX_VALUE - 1000;
	}

	private record Row(long id, String messageId, String exchange, String routingKey, EventEnvelope envelope,
			String payload, int attempts) {
	}

	/** A batch the broker did not confirm; its rows were given their back-off. */
	static final class RelayFailedException extends RuntimeException {

		RelayFailedException(int rows) {
			super(rows + " outbox rows not confirmed");
		}

	}

}
