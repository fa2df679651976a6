package dev.shopfront.order.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import dev.shopfront.testsupport.JwtMinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Orders per second end to end through the gateway (placed with {@code POST /api/orders},
 * followed until CONFIRMED with {@code GET /api/orders/{id}}), with the latency of the
 * POST and of the whole saga, against a system that {@code bench/order-benchmark.sh}
 * started with {@code ./shop up} (see docs/benchmarks.md, "Order saga benchmark"). Not a
 * test: a main run by that script.
 *
 * <p>
 * Each of {@code clients} virtual-thread clients works in a closed loop: it places an
 * order (a new Idempotency-Key, 1-3 distinct products of 1-3 units, a shipping address,
 * card {@code tok_visa}) as one of the benchmark's customers, reads the order with
 * {@code Prefer: wait=5} (answered when it leaves PENDING; with {@code -Dwait=0} it polls
 * every {@code pollMs} instead) until it is no longer PENDING, and only then places the
 * next. At the end every placed order must be CONFIRMED (each client follows its last
 * order up to {@code settle} seconds after the measured window) and every product's stock
 * conserved: available + units of confirmed orders = initial stock.
 *
 * <p>
 * System properties: {@code gateway} (http://localhost:28080), {@code keyFile} and
 * {@code keyId} (the key user-service signs with, to mint the ADMIN token that creates
 * the products), {@code clients} (8), {@code seconds} (20), {@code warmup} (5),
 * {@code customers} (16), {@code products} (20), {@code stock} (1000000), {@code wait}
 * (5), {@code pollMs} (25, with {@code wait=0}), {@code settle} (60),
 * {@code paymentSample} (200 confirmed orders whose payment is read after the run),
 * {@code sampleSeconds} (2; 0 turns the metrics sampler off), {@code metrics}
 * (name=url,... of the management ports whose /actuator/prometheus is sampled),
 * {@code shopState} (the state directory of the system, to attribute CPU to its
 * services), {@code summaryFile} (where to write the client's tally for the script's
 * database check).
 */
public final class OrderBenchmark {

	private static final String CARD = "tok_visa";

	private static final String ADDRESS = """
			{"line1":"1 Benchmark Road","city":"Benchville","postalCode":"12345","country":"DE"}""";

	private static final List<String> WATCHED_METRICS = List.of("shopfront_outbox_pending",
			"shopfront_outbox_oldest_age_seconds", "hikaricp_connections_pending", "hikaricp_connections_active");

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	private final String gateway = System.getProperty("gateway", "http://localhost:28080");

	private final int clients = Integer.getInteger("clients", 8);

	private final int seconds = Integer.getInteger("seconds", 20);

	private final int warmup = Integer.getInteger("warmup", 5);

	private final int customerCount = Integer.getInteger("customers", 16);

	private final int productCount = Integer.getInteger("products", 20);

	private final int stock = Integer.getInteger("stock", 1_000_000);

	private final int pollMs = Integer.getInteger("pollMs", 25);

	/**
	 * Seconds each GET asks the service to wait for the order to leave PENDING
	 * ({@code Prefer: wait=N}); 0 polls every {@code pollMs} instead.
	 */
	private final int waitSeconds = Integer.getInteger("wait", 5);

	private final int settle = Integer.getInteger("settle", 60);

	/**
	 * Seconds the floor phase runs before its window (its JVM is warm from the system
	 * phase).
	 */
	private final int floorWarmup = Integer.getInteger("floorWarmup", 10);

	/**
	 * Orders per second all clients together place on a fixed schedule (open loop), or 0
	 * for a closed loop (each client places its next order when the last one is settled).
	 * Paced, every latency is measured from the order's scheduled time, so an order that
	 * had to wait for its client counts its wait (no coordinated omission).
	 */
	private final double rate = Double.parseDouble(System.getProperty("rate", "0"));

	private volatile long startedAt;

	private final int paymentSample = Integer.getInteger("paymentSample", 200);

	private final int sampleSeconds = Integer.getInteger("sampleSeconds", 2);

	private final JwtMinter minter;

	private final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();

	private final List<String> skus = new ArrayList<>();

	private final List<String> customerTokens = new ArrayList<>();

	// the tally, warm-up included
	private final LongAdder placed = new LongAdder();

	private final LongAdder confirmed = new LongAdder();

	private final Map<String, LongAdder> confirmedUnits = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> otherOutcomes = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

	private final ConcurrentLinkedQueue<String> unfinished = new ConcurrentLinkedQueue<>();

	private final LongAdder polls = new LongAdder();

	// inside the measured window
	private final Latencies postLatency = new Latencies();

	private final Map<String, LongAdder> samplerFailures = new ConcurrentHashMap<>();

	private final StatementCensus census = StatementCensus.fromSystemProperties();

	/** Extra figures for the summary file (bench/compare.sh). */
	private final Map<String, String> summaryExtras = new LinkedHashMap<>();

	/** RSS of the system's services and mail sink at the window's end, MiB. */
	private long rssMibLoaded;

	private final Latencies pollLatency = new Latencies();

	private final Latencies sagaObserved = new Latencies();

	private final Latencies sagaServer = new Latencies();

	private final Latencies sagaServerOnly = new Latencies();

	private final Latencies confirmToObserved = new Latencies();

	private final LongAdder postsInWindow = new LongAdder();

	private final LongAdder pollsInWindow = new LongAdder();

	private final ConcurrentLinkedQueue<Confirmed> confirmedInWindow = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean firstError = new AtomicBoolean();

	private long measureFrom;

	private long end;

	private OrderBenchmark() throws Exception {
		this.minter = JwtMinter.fromPemFile(Path.of(System.getProperty("keyFile")), System.getProperty("keyId"));
	}

	public static void main(String[] args) throws Exception {
		OrderBenchmark benchmark = new OrderBenchmark();
		System.out.printf(
				"clients=%d seconds=%d warmup=%d customers=%d products=%d stock=%d wait=%d pollMs=%d settle=%d "
						+ "sampleSeconds=%d%n",
				benchmark.clients, benchmark.seconds, benchmark.warmup, benchmark.customerCount, benchmark.productCount,
				benchmark.stock, benchmark.waitSeconds, benchmark.pollMs, benchmark.settle, benchmark.sampleSeconds);
		if (!benchmark.setUp()) {
			System.out.println("FAILED (setup, see above)");
			System.exit(1);
		}
		benchmark.measure();
		boolean ok = benchmark.report();
		ok &= benchmark.checkEveryOrderConfirmed();
		ok &= benchmark.checkConservation();
		benchmark.paymentBreakdown();
		benchmark.writeSummary(); // the system's figures stand whatever happens to the
									// floor
		ok &= benchmark.floor();
		benchmark.writeSummary(); // now with the floor's figures
		if (!ok) {
			System.out.println("FAILED (see above)");
			System.exit(1);
		}
	}

	// --- setup: products (ADMIN token minted here) and customers (registered through the
	// gateway)

	private boolean setUp() throws Exception {
		String admin = adminToken();
		for (int i = 0; i < this.productCount; i++) {
			String sku = "OBENCH-" + this.run + "-" + i;
			String body = """
					{"sku":"%s","name":"Saga benchmark item %d","description":"order benchmark","category":"bench",\
					"price":"%d.99","currency":"EUR","stock":%d}""".formatted(sku, i, 1 + (i % 20), this.stock);
			HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.gateway + "/api/products"))
				.header("Authorization", "Bearer " + admin)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build());
			if (response.statusCode() != 201) {
				System.out.println("cannot create " + sku + ": " + response.statusCode() + " " + response.body());
				return false;
			}
			this.skus.add(sku);
			this.confirmedUnits.put(sku, new LongAdder());
		}
		for (int i = 0; i < this.customerCount; i++) {
			String email = "order-bench-" + this.run.toLowerCase() + "-" + i + "@bench.shopfront.example";
			String password = "Bench-" + UUID.randomUUID();
			String registration = """
					{"email":"%s","password":"%s","fullName":"Benchmark Customer %d"}""".formatted(email, password, i);
			HttpResponse<String> registered = post("/api/users", null, registration, null);
			if (registered.statusCode() != 201) {
				System.out
					.println("cannot register " + email + ": " + registered.statusCode() + " " + registered.body());
				return false;
			}
			HttpResponse<String> login = post("/api/auth/token", null,
					"{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password), null);
			if (login.statusCode() != 200) {
				System.out.println("cannot log in " + email + ": " + login.statusCode() + " " + login.body());
				return false;
			}
			this.customerTokens.add(this.json.readTree(login.body()).path("access_token").asString());
		}
		System.out.printf("%nSetup: %d products OBENCH-%s-* of stock %d created through the gateway with a minted "
				+ "ADMIN token; %d customers registered (POST /api/users) and logged in (POST /api/auth/token)%n",
				this.skus.size(), this.run, this.stock, this.customerTokens.size());
		return true;
	}

	private String adminToken() {
		return this.minter.token(UUID.randomUUID().toString(), Duration.ofMinutes(15), "ADMIN");
	}

	// --- the measurement

	private void measure() throws InterruptedException {
		System.out.printf("%nOrders through the gateway %s: %d clients %s, each placing an order "
				+ "(POST /api/orders, unique Idempotency-Key, 1-3 distinct products x 1-3 units, card %s) and reading "
				+ "GET /api/orders/{id} %s until it is no longer PENDING; %d s warm-up, %d s measured%n", this.gateway,
				this.clients,
				(this.rate > 0)
						? "paced at %.1f orders/s in all (open loop; latencies from each order's scheduled time)"
							.formatted(this.rate)
						: "in a closed loop",
				CARD,
				(this.waitSeconds > 0) ? "with Prefer: wait=" + this.waitSeconds + " (answered when the order moves)"
						: "every " + this.pollMs + " ms (a sleep after the POST answered and after each poll)",
				this.warmup, this.seconds);
		long start = System.nanoTime();
		this.startedAt = start;
		this.measureFrom = start + Duration.ofSeconds(this.warmup).toNanos();
		this.end = this.measureFrom + Duration.ofSeconds(this.seconds).toNanos();
		long deadline = this.end + Duration.ofSeconds(this.settle).toNanos();
		Sampler sampler = new Sampler();
		Thread samplerThread = Thread.ofVirtual().name("bench-sampler").start(sampler::run);
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < this.clients; i++) {
			int client = i;
			threads.add(Thread.ofVirtual().name("bench-client-" + i).start(() -> client(client, deadline)));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		samplerThread.join();
		sampler.print();
		this.census.print(this.sagaObserved.count(), this.summaryExtras);
	}

	private void client(int client, long deadline) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		int next = client;
		long interval = (this.rate > 0) ? (long) (1e9 * this.clients / this.rate) : 0;
		long scheduled = this.startedAt + client * interval / this.clients;
		while (true) {
			long sent = System.nanoTime();
			if (interval > 0) {
				// the pacing of an open-loop load, not a wait for an outcome
				if (scheduled > sent) {
					sleep(Math.max(1, (scheduled - sent) / 1_000_000));
				}
				sent = scheduled;
				scheduled += interval;
			}
			if (sent >= this.end) {
				return;
			}
			String token = this.customerTokens.get(next % this.customerTokens.size());
			next += this.clients;
			int lines = 1 + random.nextInt(3);
			int[] picks = random.ints(0, this.skus.size()).distinct().limit(lines).toArray();
			Map<String, Integer> items = new LinkedHashMap<>();
			StringBuilder itemsJson = new StringBuilder();
			for (int pick : picks) {
				int quantity = 1 + random.nextInt(3);
				items.put(this.skus.get(pick), quantity);
				itemsJson.append(itemsJson.isEmpty() ? "" : ",")
					.append("{\"sku\":\"%s\",\"quantity\":%d}".formatted(this.skus.get(pick), quantity));
			}
			String body = "{\"items\":[" + itemsJson + "],\"shippingAddress\":" + ADDRESS
					+ ",\"payment\":{\"cardToken\":\"" + CARD + "\"}}";
			Instant sentAt = Instant.now().minusNanos(Math.max(0, System.nanoTime() - sent));
			HttpResponse<String> response;
			try {
				response = post("/api/orders", token, body, UUID.randomUUID().toString());
			}
			catch (Exception ex) {
				error("POST " + ex.getClass().getSimpleName(), ex);
				continue;
			}
			long answered = System.nanoTime();
			boolean inWindow = sent >= this.measureFrom;
			if (inWindow && answered <= this.end) {
				this.postLatency.add(answered - sent);
				this.postsInWindow.increment();
			}
			if (response.statusCode() != 201) {
				String type = problemType(response.body());
				if (response.statusCode() == 409 || response.statusCode() == 422) {
					count(this.otherOutcomes, "POST answered " + response.statusCode() + " " + type);
				}
				else {
					error("POST " + response.statusCode() + " " + type, null);
				}
				continue;
			}
			this.placed.increment();
			try {
				String orderId = this.json.readTree(response.body()).path("id").asString();
				follow(orderId, token, items, sent, sentAt, inWindow, deadline);
			}
			catch (RuntimeException ex) {
				error("client " + ex.getClass().getSimpleName(), ex);
			}
		}
	}

	private void follow(String orderId, String token, Map<String, Integer> items, long sent, Instant sentAt,
			boolean inWindow, long deadline) {
		String last = "PENDING";
		while (true) {
			if (this.waitSeconds == 0) {
				sleep(this.pollMs);
			}
			if (System.nanoTime() > deadline) {
				this.unfinished.add(orderId + " (last seen " + last + ")");
				return;
			}
			long before = System.nanoTime();
			HttpResponse<String> response;
			try {
				HttpRequest.Builder read = HttpRequest.newBuilder(URI.create(this.gateway + "/api/orders/" + orderId))
					.header("Authorization", "Bearer " + token)
					.GET();
				if (this.waitSeconds > 0) {
					read.header("Prefer", "wait=" + this.waitSeconds);
				}
				response = send(read.build());
			}
			catch (Exception ex) {
				error("GET " + ex.getClass().getSimpleName(), ex);
				continue;
			}
			long after = System.nanoTime();
			this.polls.increment();
			if (before >= this.measureFrom && after <= this.end) {
				this.pollLatency.add(after - before);
				this.pollsInWindow.increment();
			}
			if (response.statusCode() != 200) {
				error("GET " + response.statusCode() + " " + problemType(response.body()), null);
				continue;
			}
			JsonNode order = this.json.readTree(response.body());
			last = order.path("status").asString();
			if ("PENDING".equals(last)) {
				if (this.waitSeconds > 0 && response.headers().firstValue("Preference-Applied").isEmpty()) {
					// a system from before Prefer: wait (bench/compare.sh against an
					// older commit):
					// poll as it had to be polled then, not in a busy loop
					sleep(this.pollMs);
				}
				continue;
			}
			if (!"CONFIRMED".equals(last)) {
				count(this.otherOutcomes, "order ended " + last + " " + order.path("reason").asString(""));
				return;
			}
			this.confirmed.increment();
			items.forEach((sku, quantity) -> this.confirmedUnits.get(sku).add(quantity));
			if (inWindow && after <= this.end) {
				Instant createdAt = Instant.parse(order.path("createdAt").asString());
				Instant confirmedAt = null;
				for (JsonNode entry : order.path("history")) {
					if ("CONFIRMED".equals(entry.path("status").asString())) {
						confirmedAt = Instant.parse(entry.path("at").asString());
					}
				}
				this.sagaObserved.add(after - sent);
				if (confirmedAt != null) {
					this.sagaServer.add(Duration.between(sentAt, confirmedAt).toNanos());
					this.sagaServerOnly.add(Duration.between(createdAt, confirmedAt).toNanos());
					this.confirmToObserved.add(Duration.between(confirmedAt, Instant.now()).toNanos());
				}
				this.confirmedInWindow.add(new Confirmed(orderId, token, sentAt, createdAt, confirmedAt));
			}
			return;
		}
	}

	// --- figures and checks

	private boolean report() {
		long windowConfirmed = this.sagaObserved.count();
		System.out.printf(
				"%nEnd to end: %d orders placed and seen CONFIRMED inside the %d s window = %.1f orders/s "
						+ "(an order counts when its POST was sent and its CONFIRMED seen inside the window)%n",
				windowConfirmed, this.seconds, (double) windowConfirmed / this.seconds);
		this.postLatency.print("POST /api/orders (answer 201 with the order PENDING)", this.seconds);
		this.sagaObserved.print("saga, observed: POST sent -> CONFIRMED seen by a poll", this.seconds);
		this.sagaServer.print("saga, server time: POST sent -> CONFIRMED entry of the order's history", this.seconds);
		this.sagaServerOnly.print("saga, server only: order createdAt -> CONFIRMED entry", this.seconds);
		this.confirmToObserved.print("poll delay: CONFIRMED entry -> poll answer read", this.seconds);
		this.pollLatency.print("GET /api/orders/{id} (polls)", this.seconds);
		System.out.printf("  polls: %d in all, %.1f per confirmed order; %.0f GET/s beside %.0f POST/s in the window%n",
				this.polls.sum(), (double) this.polls.sum() / Math.max(1, this.confirmed.sum()),
				(double) this.pollsInWindow.sum() / this.seconds, (double) this.postsInWindow.sum() / this.seconds);
		System.out.printf(
				"%nCounts (warm-up and follow-up included): placed (201) %d, confirmed %d, "
						+ "rejected/other %d, still PENDING after %d s %d, errors %d%n",
				this.placed.sum(), this.confirmed.sum(), sum(this.otherOutcomes), this.settle, this.unfinished.size(),
				sum(this.errors));
		print("  rejected/other", this.otherOutcomes);
		print("  errors by status", this.errors);
		print("  metrics samples not read (not counted as errors)", this.samplerFailures);
		return sum(this.errors) == 0;
	}

	private boolean checkEveryOrderConfirmed() {
		boolean ok = this.placed.sum() == this.confirmed.sum() && this.unfinished.isEmpty()
				&& this.otherOutcomes.isEmpty();
		System.out.printf("%nCheck: every placed order CONFIRMED (each followed up to %d s after the window): %s%n",
				this.settle, ok ? "yes" : "NO");
		this.unfinished.stream().limit(10).forEach((order) -> System.out.println("  not finished: " + order));
		return ok;
	}

	private boolean checkConservation() throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(Math.max(10, this.settle)).toNanos();
		List<String> broken = new ArrayList<>();
		long units = 0;
		int attempts = 0;
		while (true) {
			attempts++;
			broken.clear();
			units = 0;
			for (String sku : this.skus) {
				HttpResponse<String> response = send(
						HttpRequest.newBuilder(URI.create(this.gateway + "/api/products/" + sku)).GET().build());
				long taken = this.confirmedUnits.get(sku).sum();
				units += taken;
				if (response.statusCode() != 200) {
					broken.add(sku + ": GET answered " + response.statusCode());
					continue;
				}
				long available = this.json.readTree(response.body()).path("available").asLong(-1);
				if (available < 0 || available + taken != this.stock) {
					broken.add(
							"%s: available %d + confirmed %d != stock %d".formatted(sku, available, taken, this.stock));
				}
			}
			if (broken.isEmpty() || System.nanoTime() > deadline) {
				break;
			}
			sleep(500); // cancelled orders give their stock back asynchronously
		}
		System.out.printf(
				"Check: stock conserved through GET /api/products/{sku} (available + units of confirmed "
						+ "orders = %d for each of %d products, %d units confirmed in all): %s%s%n",
				this.stock, this.skus.size(), units, broken.isEmpty() ? "yes" : "NO",
				(attempts > 1) ? " (after " + attempts + " reads)" : "");
		broken.stream().limit(10).forEach((line) -> System.out.println("  CONSERVATION BROKEN " + line));
		return broken.isEmpty();
	}

	/**
	 * After the run (so it costs the measurement nothing): the payment's decision time
	 * splits the saga of a sample of the window's confirmed orders into its legs.
	 */
	private void paymentBreakdown() {
		List<Confirmed> sample = new ArrayList<>(this.confirmedInWindow);
		Collections.shuffle(sample);
		sample = sample.subList(0, Math.min(this.paymentSample, sample.size()));
		Latencies sentToCreated = new Latencies();
		Latencies createdToPayment = new Latencies();
		Latencies paymentToConfirmed = new Latencies();
		int unreadable = 0;
		for (Confirmed order : sample) {
			try {
				HttpResponse<String> response = send(
						HttpRequest.newBuilder(URI.create(this.gateway + "/api/payments?orderId=" + order.id()))
							.header("Authorization", "Bearer " + order.token())
							.GET()
							.build());
				JsonNode payments = this.json.readTree(response.body());
				String decided = payments.path(0).path("createdAt").asString("");
				if (response.statusCode() != 200 || decided.isEmpty() || order.confirmedAt() == null) {
					unreadable++;
					continue;
				}
				Instant paymentAt = Instant.parse(decided);
				sentToCreated.add(Duration.between(order.sentAt(), order.createdAt()).toNanos());
				createdToPayment.add(Duration.between(order.createdAt(), paymentAt).toNanos());
				paymentToConfirmed.add(Duration.between(paymentAt, order.confirmedAt()).toNanos());
			}
			catch (Exception ex) {
				unreadable++;
			}
		}
		System.out.printf(
				"%nSaga legs of %d confirmed orders of the window (server clocks, same machine; payment "
						+ "decision time read with GET /api/payments?orderId= after the run, %d unreadable):%n",
				sample.size(), unreadable);
		sentToCreated.print("POST sent -> order createdAt (client, gateway, order-service up to its first insert)", 0);
		createdToPayment.print("order createdAt -> payment decided (reservation at inventory, order outbox relay, "
				+ "broker, payment-service)", 0);
		paymentToConfirmed.print("payment decided -> CONFIRMED (payment outbox relay, broker, order-service)", 0);
	}

	/**
	 * The floor phase ({@code -Dfloor=true}): {@link OrderFloor} on the floor databases
	 * the script made, at full speed, with PostgreSQL's counts per order beside the
	 * system's.
	 * @return false when the floor had errors
	 */
	private boolean floor() throws Exception {
		if (!Boolean.getBoolean("floor")) {
			return true;
		}
		String jdbc = System.getProperty("censusJdbc", "jdbc:postgresql://127.0.0.1:5432/");
		String user = System.getProperty("censusUser", "postgres");
		OrderFloor floor = new OrderFloor(jdbc, user, System.getProperty("floorPrefix", "bench_floor_"), this.clients);
		StatementCensus floorCensus = new StatementCensus(jdbc, floor.databases());
		System.out.printf("%nFloor: the same statements and messages per order with plain JDBC and the RabbitMQ client "
				+ "(no Spring, no HTTP), %d clients at full speed, %d s warm-up, %d s measured, databases %s*%n",
				this.clients, this.floorWarmup, this.seconds, System.getProperty("floorPrefix", "bench_floor_"));
		long orders;
		try {
			floor.start(System.getProperty("floorAmqp"), this.productCount, this.customerCount);
			orders = floor.run(this.floorWarmup, this.seconds, floorCensus::start, floorCensus::end);
		}
		catch (SQLException | IOException ex) {
			// e.g. an older commit's system still holds more of PostgreSQL's connections
			System.out.printf("  floor: could not run: %s%n", ex.getMessage());
			return false;
		}
		finally {
			floor.stop();
		}
		double floorRate = (double) orders / this.seconds;
		double systemRate = (double) this.sagaObserved.count() / this.seconds;
		System.out.printf("  floor: %d orders completed in the window = %.1f orders/s, errors %d%n", orders, floorRate,
				floor.errors());
		System.out.printf("  system %.1f orders/s = %.0f %% of the floor's %.1f (goal: at least 40 %%)%n", systemRate,
				(floorRate > 0) ? 100 * systemRate / floorRate : 0, floorRate);
		Map<String, String> floorFigures = new LinkedHashMap<>();
		floorCensus.print(orders, floorFigures);
		floorFigures.forEach((name, value) -> this.summaryExtras.put("floor_" + name, value));
		this.summaryExtras.put("floor_orders_per_s", "%.1f".formatted(floorRate));
		this.summaryExtras.put("system_over_floor", "%.3f".formatted((floorRate > 0) ? systemRate / floorRate : 0));
		return floor.errors() == 0 && orders > 0;
	}

	private void writeSummary() throws IOException {
		String file = System.getProperty("summaryFile");
		if (file == null || file.isBlank()) {
			return;
		}
		long units = this.confirmedUnits.values().stream().mapToLong(LongAdder::sum).sum();
		StringBuilder extras = new StringBuilder();
		this.summaryExtras.forEach((name, value) -> extras.append(name).append('=').append(value).append('\n'));
		// bench/compare.sh reads the figures from here
		Files.writeString(Path.of(file),
				"placed=%d%nconfirmed=%d%nunits=%d%norders_per_s=%.1f%npost_p50_ms=%.1f%npost_p99_ms=%.1f%nrss_mib_loaded=%d%n"
					.formatted(this.placed.sum(), this.confirmed.sum(), units,
							(double) this.sagaObserved.count() / this.seconds, this.postLatency.percentile(0.50),
							this.postLatency.percentile(0.99), this.rssMibLoaded)
						+ extras);
	}

	// --- helpers

	private HttpResponse<String> post(String path, String token, String body, String idempotencyKey) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.gateway + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return send(request.build());
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private String problemType(String body) {
		try {
			String type = this.json.readTree(body).path("type").asString("");
			return type.substring(type.lastIndexOf('/') + 1);
		}
		catch (RuntimeException ex) {
			return "(no problem body)";
		}
	}

	private void error(String what, Exception ex) {
		count(this.errors, what);
		if (ex != null && this.firstError.compareAndSet(false, true)) {
			System.out.println("  first exception: " + ex);
		}
	}

	private static void count(Map<String, LongAdder> counts, String key) {
		counts.computeIfAbsent(key, (k) -> new LongAdder()).increment();
	}

	private static long sum(Map<String, LongAdder> counts) {
		return counts.values().stream().mapToLong(LongAdder::sum).sum();
	}

	private static void print(String title, Map<String, LongAdder> counts) {
		if (!counts.isEmpty()) {
			System.out.println(title + ":");
			new TreeMap<>(counts).forEach((key, count) -> System.out.printf("    %-60s %d%n", key, count.sum()));
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A confirmed order of the window, for the payment breakdown.
	 *
	 * @param id the order
	 * @param token its customer's token
	 * @param sentAt when its POST was sent (client clock)
	 * @param createdAt its createdAt
	 * @param confirmedAt when it was CONFIRMED (its history), or null
	 */
	record Confirmed(String id, String token, Instant sentAt, Instant createdAt, Instant confirmedAt) {
	}

	/** Latencies in nanoseconds, from any thread. */
	static final class Latencies {

		private final ConcurrentLinkedQueue<Long> values = new ConcurrentLinkedQueue<>();

		void add(long nanos) {
			this.values.add(nanos);
		}

		long count() {
			return this.values.size();
		}

		void print(String what, int seconds) {
			long[] all = this.values.stream().mapToLong(Long::longValue).sorted().toArray();
			if (all.length == 0) {
				System.out.println("  " + what + ": none");
				return;
			}
			String rate = (seconds > 0) ? " = %.1f/s".formatted((double) all.length / seconds) : "";
			System.out.printf("  %s: %d%s; ms p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n", what, all.length, rate,
					percentile(all, 0.50), percentile(all, 0.95), percentile(all, 0.99), all[all.length - 1] / 1e6);
		}

		/** The p-th percentile in milliseconds, or -1 when nothing was recorded. */
		double percentile(double p) {
			long[] all = this.values.stream().mapToLong(Long::longValue).sorted().toArray();
			return (all.length == 0) ? -1 : percentile(all, p);
		}

		private static double percentile(long[] sorted, double p) {
			int index = (int) Math.ceil(p * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
		}

	}

	/**
	 * What the window cost whom: CPU time per process group (the system's services by
	 * their {@code -Dshop.service} marker, this client, PostgreSQL, RabbitMQ, Redis,
	 * anything else) from /proc, at the window's start and end; and, every
	 * {@code sampleSeconds}, the outbox lag and connection pool gauges of the services in
	 * {@code metrics}.
	 */
	final class Sampler {

		private final String shopState = System.getProperty("shopState", "");

		private final long ticksPerSecond = Long.getLong("clkTck", 100);

		private final Map<String, String> metricsUrls = new LinkedHashMap<>();

		// service -> metric -> [max, sum, samples]
		private final Map<String, Map<String, double[]>> gauges = new LinkedHashMap<>();

		private Map<Long, ProcessTicks> cpuAtStart = Map.of();

		private Map<Long, ProcessTicks> cpuAtEnd = Map.of();

		private long[] machineAtStart = new long[2];

		private long[] machineAtEnd = new long[2];

		/** The groups that are this system's JVMs: its services and the mail sink. */
		private final Set<String> shopJvms = ConcurrentHashMap.newKeySet();

		Sampler() {
			for (String entry : System.getProperty("metrics", "").split(",")) {
				int equals = entry.indexOf('=');
				if (equals > 0) {
					this.metricsUrls.put(entry.substring(0, equals).strip(), entry.substring(equals + 1).strip());
				}
			}
		}

		void run() {
			// JFR starts itself at the window's start and stops at its end: attaching to
			// every
			// JVM of a loaded 2-core machine takes seconds, so it is done ahead, all at
			// once
			long delay = Math.max(1, (OrderBenchmark.this.measureFrom - System.nanoTime()) / 1_000_000);
			profile("JFR.start", "name=bench", "settings=profile", "delay=" + delay + "ms",
					"duration=" + OrderBenchmark.this.seconds + "s", "filename=%s.jfr");
			waitUntil(OrderBenchmark.this.measureFrom);
			OrderBenchmark.this.census.start();
			this.cpuAtStart = processTicks();
			this.machineAtStart = machineTicks();
			long nextSample = System.nanoTime();
			while (this.gaugesOn() && System.nanoTime() < OrderBenchmark.this.end) {
				sampleGauges();
				nextSample += Duration.ofSeconds(OrderBenchmark.this.sampleSeconds).toNanos();
				waitUntil(Math.min(nextSample, OrderBenchmark.this.end));
			}
			waitUntil(OrderBenchmark.this.end);
			OrderBenchmark.this.census.end();
			this.cpuAtEnd = processTicks();
			this.machineAtEnd = machineTicks();
			OrderBenchmark.this.rssMibLoaded = servicesRssKib() / 1024;
		}

		/**
		 * VmRSS of this system's services and mail sink (the pid files in its state
		 * directory; not the trace viewer's nor Prometheus'), in KiB.
		 */
		private long servicesRssKib() {
			if (this.shopState.isEmpty()) {
				return 0;
			}
			long total = 0;
			try (var pids = Files.list(Path.of(this.shopState, "pids"))) {
				for (Path pidFile : pids.toList()) {
					String name = pidFile.getFileName().toString().replace(".pid", "");
					if (name.equals("traces") || name.equals("metrics")) {
						continue;
					}
					Path status = Path.of("/proc/" + Files.readString(pidFile).strip() + "/status");
					for (String line : Files.readAllLines(status)) {
						if (line.startsWith("VmRSS:")) {
							total += Long.parseLong(line.replaceAll("\\D", ""));
						}
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				return 0; // a service gone meanwhile: no figure rather than a wrong one
			}
			return total;
		}

		/**
		 * With {@code -Dprofile=DIR}: runs a {@code jcmd} command in every JVM of this
		 * system (the pid files in its state directory), all at once; {@code %s} in an
		 * argument is {@code DIR/<service>}.
		 */
		private void profile(String command, String... arguments) {
			String directory = System.getProperty("profile", "");
			if (directory.isBlank()) {
				return;
			}
			List<Process> calls = new ArrayList<>();
			try (var pids = Files.list(Path.of(this.shopState, "pids"))) {
				for (Path pidFile : pids.toList()) {
					String service = pidFile.getFileName().toString().replace(".pid", "");
					List<String> call = new ArrayList<>(
							List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
									Files.readString(pidFile).strip(), command));
					for (String argument : arguments) {
						call.add(argument.formatted(Path.of(directory, service)));
					}
					calls.add(new ProcessBuilder(call).redirectErrorStream(true)
						.redirectOutput(ProcessBuilder.Redirect.DISCARD)
						.start());
				}
				for (Process started : calls) {
					started.waitFor();
				}
			}
			catch (IOException ex) {
				System.out.println("  profile: " + ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private boolean gaugesOn() {
			return OrderBenchmark.this.sampleSeconds > 0 && !this.metricsUrls.isEmpty();
		}

		private void waitUntil(long nanoTime) {
			long left = nanoTime - System.nanoTime();
			if (left > 0) {
				sleep(Math.max(1, left / 1_000_000));
			}
		}

		private void sampleGauges() {
			this.metricsUrls.forEach((service, url) -> {
				try {
					String text = send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus")).GET().build())
						.body();
					Map<String, double[]> mine = this.gauges.computeIfAbsent(service, (s) -> new LinkedHashMap<>());
					for (String line : text.split("\n")) {
						for (String metric : WATCHED_METRICS) {
							if (line.startsWith(metric + " ") || line.startsWith(metric + "{")) {
								double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
								double[] stats = mine.computeIfAbsent(metric, (m) -> new double[3]);
								stats[0] = Math.max(stats[0], value);
								stats[1] += value;
								stats[2]++;
							}
						}
					}
				}
				catch (Exception ex) {
					// the harness's own look at the services (a commit with other
					// management
					// ports, in bench/compare.sh), not an error of the system measured
					count(OrderBenchmark.this.samplerFailures, service + " " + ex.getClass().getSimpleName());
				}
			});
		}

		void print() {
			double window = OrderBenchmark.this.seconds;
			Map<String, Long> byGroup = new HashMap<>();
			long[] services = new long[2]; // all ticks, JIT ticks
			this.cpuAtEnd.forEach((pid, end) -> {
				ProcessTicks start = this.cpuAtStart.get(pid);
				boolean same = start != null && start.group().equals(end.group());
				long used = end.ticks() - (same ? start.ticks() : 0);
				byGroup.merge(end.group(), used, Long::sum);
				if (this.shopJvms.contains(end.group())) {
					services[0] += used;
					services[1] += Math.max(0, end.jitTicks() - (same ? start.jitTicks() : 0));
				}
			});
			long total = this.machineAtEnd[0] - this.machineAtStart[0];
			long busy = this.machineAtEnd[1] - this.machineAtStart[1];
			int cores = Runtime.getRuntime().availableProcessors();
			System.out.printf(
					"%nRSS of the services and the mail sink at the window's end: %d MiB (goal: under " + "2 GiB)%n",
					OrderBenchmark.this.rssMibLoaded);
			System.out.printf("%nCPU in the measured window (/proc; %% of one core; %d cores = %d%%): machine busy "
					+ "%.0f%% of all cores%n", cores, cores * 100, (total > 0) ? 100.0 * busy / total : 0);
			byGroup.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
				.limit(10)
				.forEach((e) -> System.out.printf("    %-28s %5.0f%%%n", e.getKey(),
						100.0 * e.getValue() / this.ticksPerSecond / window));
			double jitShare = (services[0] > 0) ? 100.0 * services[1] / services[0] : 0;
			System.out.printf("    of the services' CPU, their JIT compilers: %.0f%%%s%n", jitShare,
					(jitShare > 10) ? " (still compiling: a longer -Dwarmup measures the steady state)" : "");
			OrderBenchmark.this.summaryExtras.put("services_jit_share", "%.3f".formatted(jitShare / 100));
			if (!this.gauges.isEmpty()) {
				System.out.printf("Gauges sampled every %d s in the window (max / mean):%n",
						OrderBenchmark.this.sampleSeconds);
				this.gauges.forEach((service, metrics) -> metrics.forEach((metric, stats) -> System.out
					.printf("    %-18s %-38s %8.3f / %.3f%n", service, metric, stats[0], stats[1] / stats[2])));
			}
		}

		private Map<Long, ProcessTicks> processTicks() {
			Map<Long, ProcessTicks> ticks = new HashMap<>();
			long self = ProcessHandle.current().pid();
			ProcessHandle.allProcesses().forEach((process) -> {
				long pid = process.pid();
				try {
					String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
					String group = group(pid, self, comm);
					ticks.put(pid, new ProcessTicks(group, used, this.shopJvms.contains(group) ? jitTicks(pid) : 0));
				}
				catch (IOException | RuntimeException ex) {
					// gone meanwhile, or not ours to read
				}
			});
			return ticks;
		}

		/**
		 * CPU ticks of a process' JIT compiler threads so far (those alive now).
		 */
		private long jitTicks(long pid) {
			long sum = 0;
			try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
				for (Path task : tasks.toList()) {
					try {
						String stat = Files.readString(task.resolve("stat"));
						String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
						if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
							String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
							sum += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
						}
					}
					catch (IOException | RuntimeException ex) {
						// the thread ended meanwhile
					}
				}
			}
			catch (IOException ex) {
				// the process ended meanwhile
			}
			return sum;
		}

		private String group(long pid, long self, String comm) throws IOException {
			if (pid == self) {
				return "benchmark client (this JVM)";
			}
			if (comm.equals("java")) {
				String cmdline = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"))).replace('\0',
						' ');
				int marker = cmdline.indexOf("-Dshop.service=");
				if (marker >= 0 && !this.shopState.isEmpty()
						&& cmdline.contains("-Dshop.state=" + this.shopState + " ")) {
					int from = marker + "-Dshop.service=".length();
					String service = cmdline.substring(from, cmdline.indexOf(' ', from));
					if (!service.equals("traces") && !service.equals("metrics")) {
						this.shopJvms.add(service);
					}
					return service;
				}
				return "java (other)";
			}
			if (comm.startsWith("postgres")) {
				return "postgres (all)";
			}
			if (comm.equals("beam.smp") || comm.startsWith("erl") || comm.equals("epmd")) {
				return "rabbitmq (all)";
			}
			if (comm.startsWith("redis")) {
				return "redis (all)";
			}
			return "other: " + comm;
		}

		/** [all ticks, busy ticks] of the machine, from the first line of /proc/stat. */
		private long[] machineTicks() {
			try {
				String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
				long all = 0;
				for (int i = 1; i < Math.min(fields.length, 9); i++) {
					all += Long.parseLong(fields[i]);
				}
				long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
				return new long[] { all, all - idle };
			}
			catch (IOException | RuntimeException ex) {
				return new long[2];
			}
		}

	}

	/**
	 * CPU ticks of a process.
	 *
	 * @param group who it counts for
	 * @param ticks user + system ticks so far
	 */
	record ProcessTicks(String group, long ticks, long jitTicks) {
	}

}
