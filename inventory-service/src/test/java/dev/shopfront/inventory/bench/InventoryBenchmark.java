package dev.shopfront.inventory.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.shopfront.testsupport.JwtMinter;

/**
 * Catalog reads per second through the gateway and reservations per second at
 * inventory-service, with latency percentiles, against a system that
 * {@code bench/inventory-benchmark.sh} started with {@code ./shop up} (see
 * docs/benchmarks.md). Not a test: a main run by that script.
 *
 * <p>
 * System properties: {@code gateway} (http://localhost:28080), {@code service}
 * (http://localhost:28083), {@code keyFile} and {@code keyId} (the key user-service signs
 * with, to mint ADMIN and SERVICE tokens), {@code clients} (8), {@code seconds} (15),
 * {@code warmup} (3), {@code products} (50), {@code stock} (1000000).
 */
public final class InventoryBenchmark {

	private static final Pattern SKU = Pattern.compile("\"sku\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern AVAILABLE = Pattern.compile("\"available\"\\s*:\\s*(-?\\d+)");

	private static final String[] QUERIES = { "coffee", "mug", "shirt", "lamp", "book", "tea", "bag", "pen" };

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
		.build();

	private final String gateway = System.getProperty("gateway", "http://localhost:28080");

	private final String service = System.getProperty("service", "http://localhost:28083");

	private final int clients = Integer.getInteger("clients", 8);

	private final int seconds = Integer.getInteger("seconds", 15);

	private final int warmup = Integer.getInteger("warmup", 3);

	private final int products = Integer.getInteger("products", 50);

	private final int stock = Integer.getInteger("stock", 1_000_000);

	private final JwtMinter minter;

	private InventoryBenchmark() throws Exception {
		this.minter = JwtMinter.fromPemFile(Path.of(System.getProperty("keyFile")), System.getProperty("keyId"));
	}

	public static void main(String[] args) throws Exception {
		InventoryBenchmark benchmark = new InventoryBenchmark();
		System.out.printf("clients=%d seconds=%d warmup=%d products=%d stock=%d%n", benchmark.clients,
				benchmark.seconds, benchmark.warmup, benchmark.products, benchmark.stock);
		boolean catalogOk = benchmark.catalog();
		boolean reservationsOk = benchmark.reservations();
		if (!catalogOk || !reservationsOk) {
			System.out.println("FAILED (see above)");
			System.exit(1);
		}
	}

	private String token(String role) {
		return this.minter.token(role.equals("SERVICE") ? "inventory-benchmark" : UUID.randomUUID().toString(),
				Duration.ofMinutes(15), role);
	}

	// Phase A: catalog reads through the gateway.
	private boolean catalog() throws Exception {
		String first = get(this.gateway + "/api/products?page=0&size=50").body();
		List<String> skus = new ArrayList<>();
		Matcher m = SKU.matcher(first);
		while (m.find()) {
			skus.add(m.group(1));
		}
		if (skus.isEmpty()) {
			System.out.println("catalog: no products through the gateway: " + first);
			return false;
		}
		System.out.printf("%nPhase A: catalog reads through the gateway %s (%d products seen; 50%% single product, "
				+ "30%% list page, 20%% search)%n", this.gateway, skus.size());
		Result result = run((random) -> {
			int pick = random.nextInt(10);
			String uri;
			if (pick < 5) {
				uri = "/api/products/" + skus.get(random.nextInt(skus.size()));
			}
			else if (pick < 8) {
				uri = "/api/products?page=" + random.nextInt(3) + "&size=20";
			}
			else {
				uri = "/api/products?q=" + QUERIES[random.nextInt(QUERIES.length)] + "&size=20";
			}
			int status = get(this.gateway + uri).statusCode();
			return (status == 200) ? Outcome.OK : Outcome.ERROR;
		});
		result.print("catalog reads");
		return result.errors.sum() == 0;
	}

	// Phase B: reservations at the service.
	private boolean reservations() throws Exception {
		String admin = token("ADMIN");
		String serviceToken = token("SERVICE");
		String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
		List<String> skus = new ArrayList<>();
		for (int i = 0; i < this.products; i++) {
			String sku = "BENCH-" + run + "-" + i;
			String body = """
					{"sku":"%s","name":"Benchmark item %d","description":"inventory benchmark","category":"bench",\
					"price":"9.99","currency":"EUR","stock":%d}""".formatted(sku, i, this.stock);
			HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.service + "/api/products"))
				.header("Authorization", "Bearer " + admin)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build());
			if (response.statusCode() != 201) {
				System.out.println(
						"reservations: cannot create " + sku + ": " + response.statusCode() + " " + response.body());
				return false;
			}
			skus.add(sku);
		}
		System.out.printf(
				"%nPhase B: reservations at %s/internal/reservations (%d products of stock %d, "
						+ "1-3 distinct SKUs of 1-3 units each, unique order ids)%n",
				this.service, skus.size(), this.stock);
		Map<String, LongAdder> reserved = new ConcurrentHashMap<>();
		skus.forEach((sku) -> reserved.put(sku, new LongAdder()));
		LongAdder created = new LongAdder();
		LongAdder conflicts = new LongAdder();
		Result result = run((random) -> {
			int lines = 1 + random.nextInt(3);
			int[] picks = random.ints(0, skus.size()).distinct().limit(lines).toArray();
			int[] quantities = new int[lines];
			StringBuilder items = new StringBuilder();
			for (int i = 0; i < lines; i++) {
				quantities[i] = 1 + random.nextInt(3);
				items.append((i > 0) ? "," : "")
					.append("{\"sku\":\"%s\",\"quantity\":%d}".formatted(skus.get(picks[i]), quantities[i]));
			}
			String body = "{\"orderId\":\"" + UUID.randomUUID() + "\",\"items\":[" + items + "]}";
			HttpResponse<String> response = send(
					HttpRequest.newBuilder(URI.create(this.service + "/internal/reservations"))
						.header("Authorization", "Bearer " + serviceToken)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build());
			if (response.statusCode() == 201) {
				for (int i = 0; i < lines; i++) {
					reserved.get(skus.get(picks[i])).add(quantities[i]);
				}
				created.increment();
				return Outcome.OK;
			}
			if (response.statusCode() == 409) {
				conflicts.increment();
				return Outcome.OK;
			}
			return Outcome.ERROR;
		});
		result.print("reservations");
		System.out.printf("  201 created: %d, 409 conflict: %d (all counted, warm-up included)%n", created.sum(),
				conflicts.sum());
		long totalReserved = 0;
		int broken = 0;
		for (String sku : skus) {
			String product = get(this.service + "/api/products/" + sku).body();
			Matcher available = AVAILABLE.matcher(product);
			if (!available.find()) {
				System.out.println("  cannot read " + sku + ": " + product);
				broken++;
				continue;
			}
			long left = Long.parseLong(available.group(1));
			long taken = reserved.get(sku).sum();
			totalReserved += taken;
			if (left < 0 || left + taken != this.stock) {
				System.out.printf("  CONSERVATION BROKEN %s: available %d + reserved %d != stock %d%n", sku, left,
						taken, this.stock);
				broken++;
			}
		}
		System.out.printf("  check: %d products, %d units reserved, available >= 0 and available + reserved = "
				+ "stock for every product: %s%n", skus.size(), totalReserved, (broken == 0) ? "yes" : "NO");
		return broken == 0 && result.errors.sum() == 0;
	}

	private HttpResponse<String> get(String uri) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(uri)).GET().build());
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private Result run(Call call) throws InterruptedException {
		Result result = new Result();
		long start = System.nanoTime();
		long measureFrom = start + Duration.ofSeconds(this.warmup).toNanos();
		long end = measureFrom + Duration.ofSeconds(this.seconds).toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < this.clients; i++) {
			threads.add(Thread.ofVirtual().name("bench-client-" + i).start(() -> {
				ThreadLocalRandom random = ThreadLocalRandom.current();
				long[] latencies = new long[1 << 16];
				int count = 0;
				while (true) {
					long before = System.nanoTime();
					if (before >= end) {
						break;
					}
					Outcome outcome;
					try {
						outcome = call.call(random);
					}
					catch (Exception ex) {
						outcome = Outcome.ERROR;
						if (result.firstError.compareAndSet(0, 1)) {
							System.out.println("  first error: " + ex);
						}
					}
					long after = System.nanoTime();
					if (before >= measureFrom && after <= end) {
						if (count == latencies.length) {
							latencies = Arrays.copyOf(latencies, count * 2);
						}
						latencies[count++] = after - before;
						if (outcome == Outcome.ERROR) {
							result.errors.increment();
						}
					}
				}
				result.add(Arrays.copyOf(latencies, count));
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		result.seconds = this.seconds;
		return result;
	}

	enum Outcome {

		OK, ERROR

	}

	@FunctionalInterface
	interface Call {

		Outcome call(ThreadLocalRandom random) throws Exception;

	}

	static final class Result {

		final LongAdder errors = new LongAdder();

		final AtomicLong firstError = new AtomicLong();

		final List<long[]> parts = new ArrayList<>();

		int seconds;

		synchronized void add(long[] part) {
			this.parts.add(part);
		}

		void print(String what) {
			long[] all = this.parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
			if (all.length == 0) {
				System.out.println("  no " + what + " completed");
				return;
			}
			System.out.printf(
					"  %s: %d in %d s = %.0f/s; latency ms p50 %.2f, p95 %.2f, p99 %.2f, max %.2f; " + "errors %d%n",
					what, all.length, this.seconds, (double) all.length / this.seconds, percentile(all, 0.50),
					percentile(all, 0.95), percentile(all, 0.99), all[all.length - 1] / 1e6, this.errors.sum());
		}

		private static double percentile(long[] sorted, double p) {
			int index = (int) Math.ceil(p * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
		}

	}

}
