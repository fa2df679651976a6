package dev.shopfront.chassis.messaging.bench;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.shopfront.chassis.messaging.EventType;
import dev.shopfront.chassis.messaging.Outbox;
import dev.shopfront.chassis.messaging.OutboxRelay;
import dev.shopfront.testsupport.TestBroker;
import dev.shopfront.testsupport.TestDatabase;
import dev.shopfront.testsupport.TestServers;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Throughput and commit-to-delivery latency of the chassis outbox and its relay, against
 * the real PostgreSQL and RabbitMQ of this machine (a fresh database and virtual host
 * from {@link TestServers}, dropped at the end). Run it with
 * {@code bench/outbox-benchmark.sh}; it is a {@code main}, never run by the build.
 * <ul>
 * <li>Phase 1, paced: writers commit one state row and one outbox row per transaction at
 * {@code -Drate} (500/s) for {@code -Dwarmup} (5 s, not counted) plus {@code -Dseconds}
 * (20 s). The commit instant is taken by a transaction synchronization that runs right
 * after the database commit, before the outbox wakes the relay; a plain consumer
 * (autoAck, raw channel) takes the delivery instant. Latency = delivery - commit.</li>
 * <li>Phase 2, unpaced: {@code -Dburst.writers} (4) threads write {@code -Dburst.count}
 * (10000) rows as fast as they can while the relay runs: rows/s written, messages/s
 * confirmed (until the outbox has no unsent row) and delivered.</li>
 * <li>Phase 3, backlog: the relay is stopped, {@code -Dburst.count} rows are written, the
 * relay is started: messages/s the relay alone confirms.</li>
 * </ul>
 * Relay settings can be varied with the chassis' own properties, e.g.
 * {@code -Dshopfront.chassis.messaging.relay.batch-size=500}; {@code -Dtimeline=true}
 * prints phase 2 as it happens (pending rows, deliveries, what the database sessions do).
 */
public final class OutboxBenchmark {

	static final String EXCHANGE = "bench.events";

	static final String QUEUE = "bench.latency";

	private final Map<String, Sample> samples = new ConcurrentHashMap<>();

	private final AtomicInteger unknown = new AtomicInteger();

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Outbox outbox;

	private final OutboxRelay relay;

	private final List<String> report = new ArrayList<>();

	private OutboxBenchmark(ConfigurableApplicationContext context) {
		this.jdbc = context.getBean(JdbcClient.class);
		this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
		this.outbox = context.getBean(Outbox.class);
		this.relay = context.getBean(OutboxRelay.class);
	}

	public static void main(String[] args) throws Exception {
		double rate = Double.parseDouble(System.getProperty("rate", "500"));
		int seconds = Integer.getInteger("seconds", 20);
		int warmup = Integer.getInteger("warmup", 5);
		int writers = Integer.getInteger("writers", 4);
		int burstCount = Integer.getInteger("burst.count", 10000);
		int burstWriters = Integer.getInteger("burst.writers", 4);
		String queueType = System.getProperty("queue.type", "classic");

		TestServers servers = TestServers.get();
		TestDatabase database = servers.createDatabase();
		TestBroker broker = servers.createVirtualHost();
		AtomicBoolean cleaned = new AtomicBoolean();
		Runnable cleanup = () -> {
			if (cleaned.compareAndSet(false, true)) {
				servers.dropDatabase(database);
				servers.deleteVirtualHost(broker);
				System.out.println("Dropped database " + database.name() + " and virtual host " + broker.virtualHost());
			}
		};
		Thread hook = new Thread(cleanup, "bench-cleanup");
		Runtime.getRuntime().addShutdownHook(hook);
		int lost = -1;
		try {
			Map<String, Object> properties = new HashMap<>();
			properties.put("spring.datasource.url", database.jdbcUrl());
			properties.put("spring.datasource.username", database.username());
			properties.put("spring.datasource.password", database.password());
			properties.put("spring.datasource.hikari.maximum-pool-size", Math.max(writers, burstWriters) + 4);
			properties.put("spring.rabbitmq.host", broker.host());
			properties.put("spring.rabbitmq.port", broker.port());
			properties.put("spring.rabbitmq.username", broker.username());
			properties.put("spring.rabbitmq.password", broker.password());
			properties.put("spring.rabbitmq.virtual-host", broker.virtualHost());
			properties.put("spring.application.name", "outbox-bench");
			properties.put("spring.flyway.locations", "classpath:db/shopfront-chassis");
			properties.put("spring.main.banner-mode", "off");
			properties.put("shopfront.chassis.logging.json", "false");
			properties.put("logging.level.root", "WARN");
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchApplication.class)
				.web(WebApplicationType.NONE)
				.properties(properties)
				.run()) {
				context.getBean(JdbcClient.class)
					.sql("create table bench_orders (id uuid primary key, placed_at timestamptz not null, "
							+ "note varchar(200) not null)")
					.update();
				OutboxBenchmark bench = new OutboxBenchmark(context);
				ConnectionFactory factory = broker.connectionFactory();
				try (Connection connection = factory.newConnection("outbox-bench-consumer")) {
					bench.facts(connection, context, queueType);
					bench.consume(connection, queueType);
					bench.paced(rate, warmup, seconds, writers);
					bench.burst(burstCount, burstWriters);
					bench.backlog(burstCount, burstWriters);
					lost = bench.lost();
				}
				bench.report.forEach(System.out::println);
			}
		}
		finally {
			cleanup.run();
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		System.exit((lost == 0) ? 0 : 1);
	}

	private void facts(Connection connection, ConfigurableApplicationContext context, String queueType) {
		Runtime runtime = Runtime.getRuntime();
		String postgres = this.jdbc.sql("select version()").query(String.class).single();
		String sync = this.jdbc.sql("show synchronous_commit").query(String.class).single();
		var relay = context.getEnvironment();
		this.report.add("");
		this.report.add("== Outbox benchmark, " + Instant.now());
		this.report.add("machine: " + runtime.availableProcessors() + " cores, "
				+ ManagementFactory.getOperatingSystemMXBean().getName() + " "
				+ ManagementFactory.getOperatingSystemMXBean().getVersion() + ", load average at start "
				+ String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
		this.report.add("JDK: " + System.getProperty("java.vm.name") + " " + Runtime.version() + ", heap max "
				+ runtime.maxMemory() / (1024 * 1024) + " MiB");
		this.report.add("PostgreSQL: " + postgres.split(" on ")[0] + " (synchronous_commit=" + sync + "); RabbitMQ "
				+ connection.getServerProperties().get("version") + ", consumer queue " + queueType
				+ ", persistent messages");
		this.report.add("relay: batch-size=" + relay.getProperty("shopfront.chassis.messaging.relay.batch-size", "100")
				+ ", poll-interval=" + relay.getProperty("shopfront.chassis.messaging.relay.poll-interval", "1s")
				+ ", publisher-confirm-type=" + relay.getProperty("spring.rabbitmq.publisher-confirm-type"));
	}

	private void consume(Connection connection, String queueType) throws Exception {
		Channel channel = connection.createChannel();
		channel.exchangeDeclare(EXCHANGE, "topic", true);
		channel.queueDeclare(QUEUE, true, false, false, Map.of("x-queue-type", queueType));
		channel.queueBind(QUEUE, EXCHANGE, "#");
		channel.basicConsume(QUEUE, true, new DefaultConsumer(channel) {
			@Override
			public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties,
					byte[] body) {
				long now = System.nanoTime();
				Sample sample = OutboxBenchmark.this.samples.get(properties.getMessageId());
				if (sample == null) {
					OutboxBenchmark.this.unknown.incrementAndGet();
					return;
				}
				if (sample.deliveries.getAndIncrement() == 0) {
					sample.receiveNanos = now;
					sample.receivedAt = Instant.now();
				}
			}
		});
	}

	/** One transaction like a use case: a state row and its event. */
	private Sample write(int phase, boolean measured) {
		Sample sample = new Sample(phase, measured, System.nanoTime());
		this.transactions.executeWithoutResult((status) -> {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public int getOrder() {
					// before the outbox's own synchronization, which wakes the relay
					return Ordered.HIGHEST_PRECEDENCE;
				}

				@Override
				public void afterCommit() {
					sample.commitNanos = System.nanoTime();
					sample.committedAt = Instant.now();
				}
			});
			UUID order = UUID.randomUUID();
			this.jdbc.sql("insert into bench_orders (id, placed_at, note) values (?, ?, ?)")
				.params(order, Timestamp.from(Instant.now()), "placed by the outbox benchmark")
				.update();
			UUID id = this.outbox.publish(OrderPlacedV1.TYPE, order.toString(), new OrderPlacedV1(order.toString(),
					"customer-" + order + "@example.com", 4990, "EUR", "placed by the outbox benchmark"));
			sample.messageId = id.toString();
			this.samples.put(sample.messageId, sample);
		});
		return sample;
	}

	private void paced(double rate, int warmup, int seconds, int writers) throws InterruptedException {
		long total = (long) (rate * (warmup + seconds));
		long warm = (long) (rate * warmup);
		long start = System.nanoTime() + 100_000_000L;
		AtomicLong tickets = new AtomicLong();
		AtomicLong late = new AtomicLong();
		AtomicLong cpu = new AtomicLong(cpuNanos());
		List<Thread> threads = new ArrayList<>();
		for (int w = 0; w < writers; w++) {
			threads.add(Thread.ofPlatform().name("bench-writer-" + w).start(() -> {
				long i;
				while ((i = tickets.getAndIncrement()) < total) {
					long due = start + (long) (i * 1e9 / rate);
					long wait;
					while ((wait = due - System.nanoTime()) > 0) {
						LockSupport.parkNanos(wait);
					}
					if (i == warm) {
						cpu.set(cpuNanos());
					}
					if (System.nanoTime() - due > 5_000_000L) {
						late.incrementAndGet();
					}
					write(1, i >= warm);
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		awaitDelivery(1, Duration.ofSeconds(30));
		long cpuUsed = cpuNanos() - cpu.get();
		List<Sample> measured = phase(1, true);
		long firstStart = measured.stream().mapToLong((s) -> s.startNanos).min().orElse(0);
		long lastCommit = measured.stream().mapToLong((s) -> s.commitNanos).max().orElse(0);
		long[] received = measured.stream()
			.filter((s) -> s.receiveNanos != 0)
			.mapToLong((s) -> s.receiveNanos)
			.sorted()
			.toArray();
		double writeRate = measured.size() / seconds(lastCommit - firstStart);
		double deliverRate = (received.length > 1)
				? (received.length - 1) / seconds(received[received.length - 1] - received[0]) : 0;
		long[] latency = latencies(measured);
		long[] commitTime = measured.stream().mapToLong((s) -> s.commitNanos - s.startNanos).sorted().toArray();
		this.report.add("");
		this.report.add("Phase 1, paced: " + writers + " writers, one state row + one outbox row per transaction, "
				+ warmup + " s warm-up (not counted) + " + seconds + " s measured");
		this.report
			.add(String.format("%-12s %-12s %-14s %-8s %-8s %-8s %-8s %-8s %-5s %-5s %-9s", "target/s", "written/s",
					"delivered/s", "p50 ms", "p95 ms", "p99 ms", "p99.9 ms", "max ms", "lost", "dup", "cpu µs/msg"));
		this.report.add(String.format("%-12.0f %-12.1f %-14.1f %-8.2f %-8.2f %-8.2f %-8.2f %-8.2f %-5d %-5d %-9.0f",
				rate, writeRate, deliverRate, ms(pct(latency, 0.50)), ms(pct(latency, 0.95)), ms(pct(latency, 0.99)),
				ms(pct(latency, 0.999)), ms(pct(latency, 1.0)), lost(1), duplicates(1),
				cpuUsed / 1000.0 / measured.size()));
		this.report.add(String.format(
				"  messages measured %d; writes started >5 ms late %d; transaction (begin..commit) p50 %.2f ms, p99 %.2f ms",
				measured.size(), late.get(), ms(pct(commitTime, 0.5)), ms(pct(commitTime, 0.99))));
		relayBreakdown(measured);
	}

	/** What the relay did with the measured rows, from the outbox table itself. */
	private void relayBreakdown(List<Sample> measured) {
		Map<String, Instant> sentAt = new HashMap<>();
		this.jdbc.sql("select message_id, sent_at from outbox where sent_at is not null").query((rs) -> {
			sentAt.put(rs.getString(1), rs.getTimestamp(2).toInstant());
		});
		// the relay marks one batch with one sent_at: rows per sent_at = batch size
		Map<Instant, Integer> batches = new HashMap<>();
		List<Long> confirmed = new ArrayList<>();
		List<Long> offset = new ArrayList<>();
		for (Sample sample : measured) {
			Instant sent = sentAt.get(sample.messageId);
			if (sent != null) {
				batches.merge(sent, 1, Integer::sum);
				confirmed.add(Duration.between(sample.committedAt, sent).toNanos());
				if (sample.receivedAt != null) {
					offset.add(Duration.between(sample.receivedAt, sent).toNanos());
				}
			}
		}
		int[] sizes = batches.values().stream().mapToInt(Integer::intValue).sorted().toArray();
		long[] toConfirmed = confirmed.stream().mapToLong(Long::longValue).sorted().toArray();
		long[] afterDelivery = offset.stream().mapToLong(Long::longValue).sorted().toArray();
		if (sizes.length > 0) {
			this.report
				.add(String.format("  relay: %d batches for %d rows, rows/batch mean %.2f, p50 %d, p99 %d, max %d",
						sizes.length, measured.size(), (double) Arrays.stream(sizes).sum() / sizes.length,
						sizes[(int) Math.ceil(0.5 * sizes.length) - 1], sizes[(int) Math.ceil(0.99 * sizes.length) - 1],
						sizes[sizes.length - 1]));
			List<Instant> times = batches.keySet().stream().sorted().toList();
			long maxGap = 0;
			int longGaps = 0;
			for (int i = 1; i < times.size(); i++) {
				long gap = Duration.between(times.get(i - 1), times.get(i)).toNanos();
				maxGap = Math.max(maxGap, gap);
				longGaps += (gap > 200_000_000L) ? 1 : 0;
			}
			this.report.add(String.format("  relay: longest pause between two batches %.1f ms, pauses > 200 ms: %d",
					ms(maxGap), longGaps));
			this.report.add(String.format(
					"  commit -> confirmed (row's sent_at, taken after the confirm) p50 %.2f ms, p99 %.2f ms; "
							+ "sent_at minus delivery p50 %.2f ms, p99 %.2f ms (wall clock, µs)",
					ms(pct(toConfirmed, 0.5)), ms(pct(toConfirmed, 0.99)), ms(pct(afterDelivery, 0.5)),
					ms(pct(afterDelivery, 0.99))));
		}
	}

	private void burst(int count, int writers) throws InterruptedException {
		long cpu = cpuNanos();
		Instant startWall = Instant.now();
		long start = System.nanoTime();
		Thread timeline = Boolean.getBoolean("timeline") ? Thread.ofPlatform().daemon().start(() -> timeline(start))
				: null;
		writeUnpaced(2, count, writers);
		if (timeline != null) {
			System.out.printf("  writes done at %.0f ms%n", (System.nanoTime() - start) / 1e6);
		}
		long written = phase(2, false).stream().mapToLong((s) -> s.commitNanos).max().orElse(start);
		Duration confirmed = awaitConfirmed(startWall);
		awaitDelivery(2, Duration.ofSeconds(120));
		long delivered = phase(2, false).stream().mapToLong((s) -> s.receiveNanos).max().orElse(start);
		long cpuUsed = cpuNanos() - cpu;
		if (timeline != null) {
			timeline.interrupt();
			timeline.join();
		}
		long[] latency = latencies(phase(2, false));
		this.report.add("");
		this.report.add("Phase 2, unpaced: " + writers + " writers write " + count
				+ " rows as fast as they can while the relay runs");
		this.report.add(String.format(
				"  written %.0f rows/s (%.2f s); confirmed %.0f msg/s (outbox empty after %.2f s); delivered %.0f msg/s (%.2f s)",
				count / seconds(written - start), seconds(written - start), count / secondsOf(confirmed),
				secondsOf(confirmed), count / seconds(delivered - start), seconds(delivered - start)));
		this.report.add(String.format(
				"  commit-to-delivery under saturation p50 %.1f ms, p99 %.1f ms, max %.1f ms; lost %d, dup %d; cpu %.0f µs/msg",
				ms(pct(latency, 0.5)), ms(pct(latency, 0.99)), ms(pct(latency, 1.0)), lost(2), duplicates(2),
				cpuUsed / 1000.0 / count));
		relayBreakdown(phase(2, false));
	}

	/**
	 * With {@code -Dtimeline=true}: the pending rows and deliveries of phase 2 every 250
	 * ms, and what the database sessions were doing (pg_stat_activity sampled every 5
	 * ms).
	 */
	private void timeline(long start) {
		Map<String, Integer> states = new java.util.concurrent.ConcurrentSkipListMap<>();
		long[] nextLine = { 0 };
		java.util.concurrent.ScheduledExecutorService sampler = java.util.concurrent.Executors
			.newSingleThreadScheduledExecutor();
		sampler.scheduleAtFixedRate(() -> {
			if (System.nanoTime() >= nextLine[0]) {
				nextLine[0] = System.nanoTime() + 250_000_000L;
				long pending = this.jdbc.sql("select count(*) from outbox where sent_at is null")
					.query(Long.class)
					.single();
				System.out.printf("  t=%6.0f ms pending %6d delivered %6d%n", (System.nanoTime() - start) / 1e6,
						pending, phase(2, false).stream().filter((x) -> x.deliveries.get() > 0).count());
			}
			this.jdbc.sql("""
					select state || ' / ' || coalesce(wait_event_type || ':' || wait_event, 'on cpu')
					       || ' / ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 40)
					from pg_stat_activity
					where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle'
					""").query(String.class).list().forEach((k) -> states.merge(k, 1, Integer::sum));
		}, 0, 5, java.util.concurrent.TimeUnit.MILLISECONDS);
		try {
			// sample until phase 2 interrupts this thread
			new java.util.concurrent.CountDownLatch(1).await();
		}
		catch (InterruptedException ex) {
			// done
		}
		finally {
			sampler.shutdownNow();
		}
		System.out.println("  pg_stat_activity samples (5 ms apart) of the other sessions:");
		states.forEach((state, samples) -> System.out.printf("    %6d  %s%n", samples, state));
	}

	private void backlog(int count, int writers) throws InterruptedException {
		this.relay.stop();
		writeUnpaced(3, count, writers);
		long cpu = cpuNanos();
		Instant startWall = Instant.now();
		long start = System.nanoTime();
		this.relay.start();
		Duration confirmed = awaitConfirmed(startWall);
		awaitDelivery(3, Duration.ofSeconds(120));
		long delivered = phase(3, false).stream().mapToLong((s) -> s.receiveNanos).max().orElse(start);
		long cpuUsed = cpuNanos() - cpu;
		this.report.add("");
		this.report.add("Phase 3, backlog: relay stopped, " + count + " rows written, relay started");
		this.report.add(String.format(
				"  confirmed %.0f msg/s (outbox empty after %.2f s); delivered %.0f msg/s (%.2f s); lost %d, dup %d; cpu %.0f µs/msg",
				count / secondsOf(confirmed), secondsOf(confirmed), count / seconds(delivered - start),
				seconds(delivered - start), lost(3), duplicates(3), cpuUsed / 1000.0 / count));
		relayBreakdown(phase(3, false));
		this.report.add("");
		this.report.add("Messages with an unknown id: " + this.unknown.get());
	}

	private void writeUnpaced(int phase, int count, int writers) throws InterruptedException {
		AtomicLong tickets = new AtomicLong();
		List<Thread> threads = new ArrayList<>();
		for (int w = 0; w < writers; w++) {
			threads.add(Thread.ofPlatform().name("bench-burst-" + w).start(() -> {
				while (tickets.getAndIncrement() < count) {
					write(phase, true);
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
	}

	/** Time from start until the outbox has no unsent row, from the rows' sent_at. */
	private Duration awaitConfirmed(Instant start) throws InterruptedException {
		org.awaitility.Awaitility.await("outbox has no unsent row")
			.atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> this.jdbc.sql("select count(*) from outbox where sent_at is null")
				.query(Long.class)
				.single() == 0);
		Timestamp last = this.jdbc.sql("select max(sent_at) from outbox").query(Timestamp.class).single();
		return Duration.between(start, last.toInstant());
	}

	private void awaitDelivery(int phase, Duration timeout) throws InterruptedException {
		try {
			org.awaitility.Awaitility.await("every message delivered")
				.atMost(timeout)
				.pollInterval(Duration.ofMillis(50))
				.until(() -> phase(phase, false).stream().noneMatch((s) -> s.deliveries.get() == 0));
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			// reported as lost messages
		}
		// late duplicates, if any, have a moment to arrive: done when the count of
		// deliveries has not moved for 500 ms
		int[] seen = { totalDeliveries(phase) };
		try {
			org.awaitility.Awaitility.await("deliveries settled")
				.pollInterval(Duration.ofMillis(100))
				.during(Duration.ofMillis(500))
				.atMost(Duration.ofSeconds(10))
				.until(() -> {
					int now = totalDeliveries(phase);
					boolean settled = now == seen[0];
					seen[0] = now;
					return settled;
				});
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			// still trickling after 10 s: report what arrived
		}
	}

	private int totalDeliveries(int phase) {
		return phase(phase, false).stream().mapToInt((s) -> s.deliveries.get()).sum();
	}

	private List<Sample> phase(int phase, boolean measuredOnly) {
		return this.samples.values().stream().filter((s) -> s.phase == phase && (s.measured || !measuredOnly)).toList();
	}

	private int lost() {
		return lost(1) + lost(2) + lost(3);
	}

	private int lost(int phase) {
		return (int) phase(phase, false).stream().filter((s) -> s.deliveries.get() == 0).count();
	}

	private int duplicates(int phase) {
		return phase(phase, false).stream().mapToInt((s) -> Math.max(0, s.deliveries.get() - 1)).sum();
	}

	private static long[] latencies(List<Sample> samples) {
		return samples.stream()
			.filter((s) -> s.receiveNanos != 0)
			.mapToLong((s) -> s.receiveNanos - s.commitNanos)
			.sorted()
			.toArray();
	}

	private static long pct(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static double ms(long nanos) {
		return nanos / 1_000_000.0;
	}

	private static double seconds(long nanos) {
		return nanos / 1_000_000_000.0;
	}

	private static double secondsOf(Duration duration) {
		return duration.toNanos() / 1_000_000_000.0;
	}

	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/** One message: when it was written, committed and first delivered. */
	static final class Sample {

		final int phase;

		final boolean measured;

		final long startNanos;

		volatile String messageId;

		volatile long commitNanos;

		volatile long receiveNanos;

		volatile Instant committedAt;

		volatile Instant receivedAt;

		final AtomicInteger deliveries = new AtomicInteger();

		Sample(int phase, boolean measured, long startNanos) {
			this.phase = phase;
			this.measured = measured;
			this.startNanos = startNanos;
		}

	}

	/**
	 * The benchmark's service: auto-configuration only (the chassis' outbox and relay).
	 * Deliberately not a {@code @SpringBootApplication}/{@code @Configuration}, so the
	 * component scan of {@code MessagingTestApplication} (its parent package) does not
	 * pick it up into the integration tests' context.
	 */
	@EnableAutoConfiguration
	static class BenchApplication {

	}

	/**
	 * An event of about the size of the real ones.
	 *
	 * @param orderId the order
	 * @param customerEmail who placed it
	 * @param totalCents its total
	 * @param currency its currency
	 * @param note a note
	 */
	public record OrderPlacedV1(String orderId, String customerEmail, long totalCents, String currency, String note) {

		static final EventType TYPE = new EventType(EXCHANGE, "bench.order-placed", 1);

	}

}
