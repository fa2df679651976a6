package dev.shopfront.e2e.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * The fault suite: runs an isolated shop ({@code ./shop up} with its own state directory,
 * ports, databases, vhost and Redis prefix), and in one phase per fault puts orders
 * through it from several clients while the fault happens: a service killed with SIGKILL
 * and started again (each of the seven), RabbitMQ and PostgreSQL restarted, a service
 * paused (SIGSTOP) past the clients' timeouts and resumed. The clients behave as good
 * clients do: they retry a 5xx, a 429 and a lost connection with the same
 * {@code Idempotency-Key}, and cancel some orders. After each phase it waits for the
 * sagas to settle and checks the invariants from the APIs' answers and the databases,
 * then prints one table of faults by invariants. Bounded in time; localhost only; never
 * touches another shop (but restarting RabbitMQ and PostgreSQL affects everything on this
 * machine that uses them). Run it with {@code bench/fault-suite.sh}; see
 * docs/fault-suite.md.
 */
public final class FaultSuite {

	private static final List<String> SERVICES = List.of("user-service", "inventory-service", "payment-service",
			"order-service", "shipping-service", "notification-service", "gateway");

	private static final List<String> DATABASES = List.of("user_service", "inventory_service", "payment_service",
			"order_service", "shipping_service", "notification_service");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Settings settings;

	private final Shop shop;

	private final Api api;

	private FaultSuite(Settings settings) {
		this.settings = settings;
		this.shop = new Shop(settings);
		this.api = new Api(URI.create("http://localhost:" + settings.portBase()));
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.fromSystemProperties();
		FaultSuite suite = new FaultSuite(settings);
		boolean held;
		try {
			held = suite.run();
		}
		finally {
			suite.shop.down();
		}
		System.exit(held ? 0 : 1);
	}

	private boolean run() throws Exception {
		Instant started = Instant.now();
		this.shop.up();
		String admin = this.api.login("admin@shopfront.example", this.shop.adminPassword());
		Map<String, Fault> faults = faults();
		List<String> chosen = this.settings.phases().equals("all") ? new ArrayList<>(faults.keySet())
				: Arrays.stream(this.settings.phases().split(",")).map(String::strip).toList();
		List<Row> rows = new ArrayList<>();
		for (String name : chosen) {
			Fault fault = faults.get(name);
			if (fault == null) {
				throw new IllegalArgumentException("No fault " + name + "; one of " + faults.keySet());
			}
			rows.add(phase(name, fault, admin));
			admin = this.api.login("admin@shopfront.example", this.shop.adminPassword());
		}
		return report(rows, Duration.between(started, Instant.now()));
	}

	/** The faults, in the order they run. */
	private Map<String, Fault> faults() {
		Map<String, Fault> faults = new LinkedHashMap<>();
		faults.put("none", () -> {
		});
		for (String service : SERVICES) {
			faults.put("kill " + service, () -> {
				this.shop.run(60, "kill", service);
				pause(Duration.ofSeconds(2));
				this.shop.run(300, "start", service);
			});
		}
		faults.put("restart RabbitMQ", () -> {
			command(60, "rabbitmqctl", "stop_app");
			pause(Duration.ofSeconds(5));
			command(60, "rabbitmqctl", "start_app");
			command(120, "rabbitmqctl", "await_startup");
		});
		faults.put("restart PostgreSQL", () -> {
			String version = command(10, "ls", "/etc/postgresql").strip().split("\\s+")[0];
			command(120, "pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart", "-m", "fast");
			command(60, "pg_isready", "-h", "127.0.0.1", "-t", "60");
		});
		for (String service : List.of("inventory-service", "payment-service")) {
			faults.put("pause " + service, () -> {
				long pid = this.shop.pid(service);
				command(10, "kill", "-STOP", Long.toString(pid));
				try {
					pause(this.settings.pause());
				}
				finally {
					command(10, "kill", "-CONT", Long.toString(pid));
				}
			});
		}
		return faults;
	}

	/**
	 * One phase: its own customers and products, load from every client, the fault a
	 * third of the way in, then the sagas settle and the invariants are checked.
	 */
	private Row phase(String name, Fault fault, String admin) throws Exception {
		System.out.printf("%n== %s: %d clients, %d s of load%n", name, this.settings.clients(),
				this.settings.load().toSeconds());
		Map<String, Integer> stock = new LinkedHashMap<>();
		for (int i = 0; i < 3; i++) {
			String sku = "FAULT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
			this.api.createProduct(admin, sku, 10_000);
			stock.put(sku, 10_000);
		}
		List<Customer> customers = new ArrayList<>();
		for (int i = 0; i < this.settings.clients(); i++) {
			customers.add(this.api.newCustomer());
		}
		Tally tally = new Tally();
		Instant stopAt = Instant.now().plus(this.settings.load());
		ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
		List<Future<?>> clients = new ArrayList<>();
		for (Customer customer : customers) {
			clients.add(threads.submit(() -> client(customer, List.copyOf(stock.keySet()), stopAt, tally)));
		}
		pause(this.settings.load().dividedBy(3));
		Instant faultAt = Instant.now();
		fault.happen();
		System.out.printf("   fault done after %d s%n", Duration.between(faultAt, Instant.now()).toSeconds());
		for (Future<?> client : clients) {
			client.get(10, TimeUnit.MINUTES);
		}
		threads.shutdown();
		Set<UUID> users = customers.stream().map(Customer::id).collect(Collectors.toSet());
		Duration settled = settle(users);
		System.out.printf("   %d placed, %d accepted, %d refused, %d cancels asked; settled in %d s%n",
				tally.keys.get(), tally.accepted.size(), tally.refused.get(), tally.cancelled.size(),
				settled.toSeconds());
		return new Row(name, tally, check(users, stock, tally));
	}

	/** One client: orders until the phase's load ends, each until it has an answer. */
	private void client(Customer customer, List<String> skus, Instant stopAt, Tally tally) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (Instant.now().isBefore(stopAt)) {
			String sku = skus.get(random.nextInt(skus.size()));
			int quantity = 1 + random.nextInt(3);
			int dice = random.nextInt(100);
			String card = (dice < 10) ? "tok_chargeDeclined" : "tok_visa";
			String key = UUID.randomUUID().toString();
			tally.keys.incrementAndGet();
			String body = """
					{"items": [{"sku": "%s", "quantity": %d}], "payment": {"cardToken": "%s"},
					 "shippingAddress": {"line1": "1 Fault Lane", "city": "Chaos", "postalCode": "00500", "country": "DE"}}
					"""
				.formatted(sku, quantity, card);
			Answer answer = this.api.untilAnswered(customer, "POST", "/api/orders", body, key, tally,
					Set.of(201, 409, 422));
			if (answer == null) {
				tally.unanswered.incrementAndGet();
				continue;
			}
			if (answer.status() == 201) {
				UUID orderId = UUID.fromString(answer.json().get("id").asString());
				UUID earlier = tally.accepted.putIfAbsent(key, orderId);
				if (earlier != null && !earlier.equals(orderId)) {
					tally.keyGaveTwoOrders.incrementAndGet();
				}
				if (dice >= 90) {
					// the customer changes their mind
					Answer cancel = this.api.untilAnswered(customer, "POST", "/api/orders/" + orderId + "/cancel", null,
							null, tally, Set.of(200, 409));
					if (cancel != null && cancel.status() == 200) {
						tally.cancelled.add(orderId);
					}
				}
			}
			else {
				tally.refused.incrementAndGet();
			}
		}
	}

	/**
	 * Waits until the phase has settled: no saga of its orders open (or waiting for a
	 * refund), every outbox empty and every queue of the shop drained, for two seconds in
	 * a row (so nothing is still between two services).
	 */
	private Duration settle(Set<UUID> users) {
		Instant start = Instant.now();
		try {
			await().atMost(this.settings.settle())
				.pollInterval(Duration.ofSeconds(1))
				.ignoreExceptions()
				.during(Duration.ofSeconds(2))
				.until(() -> openSagas(users) == 0 && unsentOutboxRows() == 0 && this.shop.queuedMessages() == 0);
		}
		catch (ConditionTimeoutException ex) {
			System.out.printf("   not settled after %d s; checking as it is%n", this.settings.settle().toSeconds());
		}
		return Duration.between(start, Instant.now());
	}

	private long openSagas(Set<UUID> users) throws SQLException {
		return single("order_service", """
				select count(*) from checkout_sagas s join orders o on o.id = s.order_id
				where o.user_id = any(?) and (s.step <> 'DONE' or s.payment = 'REFUND_REQUESTED')
				""", users);
	}

	private long unsentOutboxRows() throws SQLException {
		long unsent = 0;
		for (String database : DATABASES) {
			unsent += single(database, "select count(*) from outbox where sent_at is null");
		}
		return unsent;
	}

	/** The invariants of one phase, each with how often it was broken. */
	private Map<String, Long> check(Set<UUID> users, Map<String, Integer> stock, Tally tally) throws SQLException {
		Map<String, Long> broken = new LinkedHashMap<>();
		Map<UUID, String> orders = new HashMap<>();
		query("order_service", "select id, status from orders where user_id = any(?)", users,
				(rs) -> orders.put(rs.getObject(1, UUID.class), rs.getString(2)));
		Set<UUID> ids = orders.keySet();
		tally.rejected.set((int) orders.values().stream().filter("REJECTED"::equals).count());
		Set<UUID> wasConfirmed = new HashSet<>();
		query("order_service", "select order_id from order_history where status = 'CONFIRMED' and order_id = any(?)",
				ids, (rs) -> wasConfirmed.add(rs.getObject(1, UUID.class)));

		// every accepted order ended CONFIRMED (or later) or CANCELLED; none left PENDING
		broken.put("orders end",
				orders.values().stream().filter("PENDING"::equals).count() + tally.accepted.values()
					.stream()
					.filter((id) -> !Set.of("CONFIRMED", "SHIPPED", "DELIVERED", "CANCELLED").contains(orders.get(id)))
					.count());
		// what the clients were told is what there is: one order per key, none lost, none
		// extra
		Set<UUID> kept = orders.entrySet()
			.stream()
			.filter((e) -> !"REJECTED".equals(e.getValue()))
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
		Set<UUID> told = new HashSet<>(tally.accepted.values());
		long strays = kept.stream().filter((id) -> !told.contains(id)).count();
		broken.put("one order per key", strays + tally.keyGaveTwoOrders.get() + tally.unanswered.get());
		// at most one successful charge per order; a kept order is charged once
		Map<UUID, Long> charges = new HashMap<>();
		query("payment_service", """
				select order_id, count(*) from payments
				where status in ('AUTHORIZED', 'REFUNDED') and order_id = any(?) group by order_id
				""", ids, (rs) -> charges.put(rs.getObject(1, UUID.class), rs.getLong(2)));
		broken.put("≤1 charge",
				charges.values().stream().filter((n) -> n > 1).count() + orders.entrySet()
					.stream()
					.filter((e) -> Set.of("CONFIRMED", "SHIPPED", "DELIVERED").contains(e.getValue()))
					.filter((e) -> charges.getOrDefault(e.getKey(), 0L) != 1)
					.count());
		// a charge is refunded once when its order was cancelled, never otherwise
		Map<UUID, Long> refunds = new HashMap<>();
		query("payment_service", """
				select p.order_id, count(r.*) from payments p left join refunds r on r.payment_id = p.id
				where p.status in ('AUTHORIZED', 'REFUNDED') and p.order_id = any(?) group by p.order_id
				""", ids, (rs) -> refunds.put(rs.getObject(1, UUID.class), rs.getLong(2)));
		broken.put("refunds", refunds.entrySet().stream().filter((e) -> {
			boolean cancelled = "CANCELLED".equals(orders.get(e.getKey()));
			return cancelled ? e.getValue() != 1 : e.getValue() != 0;
		}).count());
		// one shipment per confirmed order; a cancelled order's shipment is cancelled
		Map<UUID, List<String>> shipments = new HashMap<>();
		query("shipping_service", "select order_id, status from shipments where order_id = any(?)", ids,
				(rs) -> shipments.computeIfAbsent(rs.getObject(1, UUID.class), (k) -> new ArrayList<>())
					.add(rs.getString(2)));
		broken.put("1 shipment", orders.entrySet().stream().filter((e) -> {
			List<String> of = shipments.getOrDefault(e.getKey(), List.of());
			return switch (e.getValue()) {
				case "CONFIRMED", "SHIPPED", "DELIVERED" -> of.size() != 1 || of.contains("CANCELLED");
				case "CANCELLED" -> of.size() > 1 || (of.size() == 1 && !of.contains("CANCELLED"));
				default -> !of.isEmpty();
			};
		}).count());
		// one confirmation e-mail per order that was confirmed, none for the others
		Map<UUID, Long> mails = new HashMap<>();
		query("notification_service", """
				select order_id, count(*) from notifications
				where template = 'ORDER_CONFIRMED' and order_id = any(?) group by order_id
				""", ids, (rs) -> mails.put(rs.getObject(1, UUID.class), rs.getLong(2)));
		broken.put("1 e-mail",
				ids.stream().filter((id) -> mails.getOrDefault(id, 0L) != (wasConfirmed.contains(id) ? 1 : 0)).count());
		// no stock held for an order that is over, and stock conserved per product
		long held = single("inventory_service",
				"select count(*) from reservations where status = 'HELD' and order_id = any(?)", ids);
		long unbalanced = 0;
		for (Map.Entry<String, Integer> product : stock.entrySet()) {
			long units = single("inventory_service", """
					select p.available + p.reserved + coalesce((select sum(l.quantity) from reservation_lines l
					  join reservations r using (order_id) where l.sku = p.sku and r.status = 'COMMITTED'), 0)
					from products p where p.sku = ?
					""", product.getKey());
			unbalanced += (units == product.getValue()) ? 0 : 1;
		}
		broken.put("no stock held", held);
		broken.put("stock kept", unbalanced);
		broken.put("no 500", (long) tally.serverErrors.get());
		broken.put("nothing parked", this.shop.queued(true));
		broken.put("outbox empty", unsentOutboxRows());
		return broken;
	}

	private boolean report(List<Row> rows, Duration took) {
		List<String> invariants = new ArrayList<>(rows.get(0).broken().keySet());
		int width = rows.stream().mapToInt((row) -> row.fault().length()).max().orElse(10);
		StringBuilder table = new StringBuilder();
		table.append(String.format("%n%-" + width + "s %8s %8s", "fault \\ invariant", "orders", "rejected"));
		invariants.forEach((invariant) -> table.append(String.format(" | %-14s", invariant)));
		table.append('\n');
		boolean held = true;
		for (Row row : rows) {
			table.append(String.format("%-" + width + "s %8s %8s", row.fault(), row.tally().accepted.size(),
					row.tally().rejected.get()));
			for (String invariant : invariants) {
				long count = row.broken().get(invariant);
				held &= count == 0;
				table.append(String.format(" | %-14s", (count == 0) ? "held" : "BROKEN (" + count + ")"));
			}
			table.append('\n');
		}
		System.out.print(table);
		Map<Integer, Integer> statuses = new HashMap<>();
		rows.forEach(
				(row) -> row.tally().statuses.forEach((status, n) -> statuses.merge(status, n.get(), Integer::sum)));
		System.out.printf("%nAnswers the clients got (retries included): %s%n", statuses);
		System.out.printf("Faults × invariants: %s, in %d min %d s%n", held ? "every invariant held" : "BROKEN",
				took.toMinutes(), took.toSecondsPart());
		return held;
	}

	// --- databases
	// -------------------------------------------------------------------------

	private Connection connect(String database) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/fault_" + database, "postgres", "");
	}

	private long single(String database, String sql, Object... parameters) throws SQLException {
		long[] value = new long[1];
		query(database, sql, parameters, (rs) -> value[0] = rs.getLong(1));
		return value[0];
	}

	private void query(String database, String sql, Object parameter, RowHandler handler) throws SQLException {
		query(database, sql, new Object[] { parameter }, handler);
	}

	private void query(String database, String sql, Object[] parameters, RowHandler handler) throws SQLException {
		try (Connection connection = connect(database);
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				if (parameters[i] instanceof Set<?> set) {
					Array array = connection.createArrayOf("uuid", set.toArray());
					statement.setArray(i + 1, array);
				}
				else {
					statement.setObject(i + 1, parameters[i]);
				}
			}
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					handler.row(rs);
				}
			}
		}
	}

	// --- helpers
	// ---------------------------------------------------------------------------

	private static String command(long timeoutSeconds, String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run " + command[0], ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@FunctionalInterface
	private interface Fault {

		void happen() throws Exception;

	}

	@FunctionalInterface
	private interface RowHandler {

		void row(ResultSet rs) throws SQLException;

	}

	/** What the clients of one phase did and were told. */
	static final class Tally {

		final AtomicInteger keys = new AtomicInteger();

		final Map<String, UUID> accepted = new ConcurrentHashMap<>();

		final AtomicInteger refused = new AtomicInteger();

		final Set<UUID> cancelled = ConcurrentHashMap.newKeySet();

		final AtomicInteger serverErrors = new AtomicInteger();

		final AtomicInteger unanswered = new AtomicInteger();

		final AtomicInteger keyGaveTwoOrders = new AtomicInteger();

		/** Orders rejected along the way (each retried with its key until accepted). */
		final AtomicInteger rejected = new AtomicInteger();

		final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

	}

	private record Row(String fault, Tally tally, Map<String, Long> broken) {
	}

	record Customer(UUID id, String email, String token) {
	}

	record Answer(int status, JsonNode json, long retryAfterSeconds) {
	}

	/**
	 * The suite's settings, from system properties.
	 *
	 * @param root the repository (where {@code ./shop} is)
	 * @param stateDir the isolated shop's state directory
	 * @param portBase its gateway's port
	 * @param clients clients (and customers) per phase
	 * @param load how long each phase puts orders through
	 * @param settle how long a phase may take to settle
	 * @param pause how long a paused service stays paused
	 * @param phases the faults to run, comma-separated, or {@code all}
	 */
	record Settings(Path root, Path stateDir, int portBase, int clients, Duration load, Duration settle, Duration pause,
			String phases) {

		static Settings fromSystemProperties() {
			Path root = Path.of(System.getProperty("root", ".")).toAbsolutePath().normalize();
			return new Settings(root,
					Path.of(System.getProperty("stateDir", root.resolve("e2e-tests/target/fault-shop").toString())),
					Integer.getInteger("portBase", 38080), Integer.getInteger("clients", 6),
					Duration.ofSeconds(Integer.getInteger("loadSeconds", 20)),
					Duration.ofSeconds(Integer.getInteger("settleSeconds", 120)),
					Duration.ofSeconds(Integer.getInteger("pauseSeconds", 8)), System.getProperty("phases", "all"));
		}

	}

	/** The isolated shop, driven with {@code ./shop}. */
	static final class Shop {

		private final Settings settings;

		private final Map<String, String> environment = new HashMap<>();

		Shop(Settings settings) {
			this.settings = settings;
			this.environment.putAll(Map.of("SHOP_STATE_DIR", settings.stateDir().toString(), "SHOP_PORT_BASE",
					Integer.toString(settings.portBase()), "SHOP_DB_PREFIX", "fault_", "SHOP_RABBIT_VHOST",
					"shopfront_fault", "SHOP_REDIS_PREFIX", "fault:", "SHOP_READY_TIMEOUT", "300"));
			// the clients are many customers on one address: the gateway's limits must
			// not
			// shape the test
			this.environment.putAll(Map.of("SHOPFRONT_GATEWAY_RATELIMIT_PERIP", "10000000",
					"SHOPFRONT_GATEWAY_RATELIMIT_PERUSER", "10000000", "SHOPFRONT_GATEWAY_RATELIMIT_LOGIN_PERIP",
					"10000000", "SHOPFRONT_GATEWAY_RATELIMIT_LOGIN_PERIPANDEMAIL", "10000000"));
		}

		void up() {
			System.out.println("Starting an isolated shop: ./shop up --no-build (state in " + this.settings.stateDir()
					+ ", gateway on " + this.settings.portBase() + ")");
			run(900, "up", "--no-build");
		}

		void down() {
			System.out.println("Stopping the isolated shop: ./shop down --purge");
			try {
				run(300, "down", "--purge");
			}
			catch (RuntimeException ex) {
				System.err.println(ex.getMessage());
			}
		}

		String adminPassword() throws IOException {
			return Files.readAllLines(this.settings.stateDir().resolve("secrets/demo.env"))
				.stream()
				.filter((line) -> line.startsWith("ADMIN_PASSWORD="))
				.map((line) -> line.substring("ADMIN_PASSWORD=".length()))
				.findFirst()
				.orElseThrow();
		}

		long pid(String service) throws IOException {
			return Long
				.parseLong(Files.readString(this.settings.stateDir().resolve("pids/" + service + ".pid")).strip());
		}

		/** Messages in the queues of the shop's vhost that its consumers read. */
		long queuedMessages() {
			return queued(false);
		}

		/**
		 * Messages (ready or being handled) in the shop's vhost.
		 * @param parking the parking queues ({@code *.dlq}), or the others
		 */
		long queued(boolean parking) {
			String listing = command(60, "rabbitmqctl", "-q", "list_queues", "-p", "shopfront_fault", "name",
					"messages");
			long queued = 0;
			for (String line : listing.split("\\R")) {
				String[] columns = line.strip().split("\\s+");
				if (columns.length == 2 && columns[0].endsWith(".dlq") == parking && columns[1].matches("\\d+")) {
					queued += Long.parseLong(columns[1]);
				}
			}
			return queued;
		}

		void run(long timeoutSeconds, String... arguments) {
			List<String> command = new ArrayList<>();
			command.add(this.settings.root().resolve("shop").toString());
			command.addAll(List.of(arguments));
			ProcessBuilder builder = new ProcessBuilder(command).directory(this.settings.root().toFile())
				.redirectErrorStream(true)
				.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
			builder.environment().putAll(this.environment);
			try {
				Process process = builder.start();
				Thread.ofVirtual().start(() -> {
					try (var output = process.inputReader()) {
						output.lines().forEach((line) -> System.out.println("   [shop] " + line));
					}
					catch (IOException ex) {
						// ended
					}
				});
				if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new IllegalStateException("./shop " + String.join(" ", arguments) + " took too long");
				}
				if (process.exitValue() != 0) {
					throw new IllegalStateException("./shop " + String.join(" ", arguments) + " failed");
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	/** The shop's public API, through its gateway. */
	static final class Api {

		private final URI base;

		private final HttpClient http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(2))
			.version(HttpClient.Version.HTTP_1_1)
			.build();

		Api(URI base) {
			this.base = base;
		}

		String login(String email, String password) throws Exception {
			Answer answer = send("POST", "/api/auth/token", null,
					JSON.writeValueAsString(Map.of("email", email, "password", password)), null);
			if (answer.status() != 200) {
				throw new IllegalStateException("login of " + email + " answered " + answer.status());
			}
			return answer.json().get("access_token").asString();
		}

		void createProduct(String admin, String sku, int stock) throws Exception {
			Answer answer = send("POST", "/api/products", admin, JSON.writeValueAsString(
					Map.of("sku", sku, "name", "Fault " + sku, "price", "5.00", "currency", "EUR", "stock", stock)),
					null);
			if (answer.status() != 201) {
				throw new IllegalStateException(
						"creating " + sku + " answered " + answer.status() + " " + answer.json());
			}
		}

		Customer newCustomer() throws Exception {
			String email = "fault-" + UUID.randomUUID().toString().substring(0, 12) + "@faults.shopfront.example";
			String password = "Fault-" + UUID.randomUUID();
			Answer registered = send("POST", "/api/users", null,
					JSON.writeValueAsString(Map.of("email", email, "password", password, "fullName", "Fault Client")),
					null);
			if (registered.status() != 201) {
				throw new IllegalStateException("registering answered " + registered.status());
			}
			return new Customer(UUID.fromString(registered.json().get("id").asString()), email, login(email, password));
		}

		/**
		 * Sends until the answer is one of {@code finals}, as a careful client would:
		 * retrying 5xx, 429, a {@code request-in-progress} 409 and lost connections with
		 * the same Idempotency-Key, after {@code Retry-After} (at most 5 s), for up to
		 * 120 s.
		 * @return the final answer, or null when there was none in time
		 */
		Answer untilAnswered(Customer customer, String method, String path, String body, String key, Tally tally,
				Set<Integer> finals) {
			Instant deadline = Instant.now().plusSeconds(120);
			while (Instant.now().isBefore(deadline)) {
				Answer answer;
				try {
					answer = send(method, path, customer.token(), body, key);
				}
				catch (IOException ex) {
					tally.statuses.computeIfAbsent(0, (k) -> new AtomicInteger()).incrementAndGet();
					pause(Duration.ofMillis(500));
					continue;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return null;
				}
				tally.statuses.computeIfAbsent(answer.status(), (k) -> new AtomicInteger()).incrementAndGet();
				if (answer.status() == 500) {
					tally.serverErrors.incrementAndGet();
				}
				boolean inProgress = answer.status() == 409 && answer.json() != null && answer.json().has("type")
						&& answer.json().get("type").asString().endsWith("/request-in-progress");
				boolean beingPlaced = answer.status() == 409 && answer.json() != null && answer.json().has("type")
						&& answer.json().get("type").asString().endsWith("/order-being-placed");
				if (finals.contains(answer.status()) && !inProgress && !beingPlaced) {
					return answer;
				}
				if (answer.status() < 500 && answer.status() != 429 && !inProgress && !beingPlaced) {
					return answer; // a client error the client cannot retry
				}
				pause(Duration.ofSeconds(Math.min(5, Math.max(1, answer.retryAfterSeconds()))));
			}
			return null;
		}

		private Answer send(String method, String path, String token, String body, String key)
				throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path))
				.timeout(Duration.ofSeconds(15))
				.header("Accept", "application/json")
				.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
						: HttpRequest.BodyPublishers.noBody());
			if (body != null) {
				request.header("Content-Type", "application/json");
			}
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			if (key != null) {
				request.header("Idempotency-Key", key);
			}
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode json = null;
			try {
				json = response.body().isBlank() ? null : JSON.readTree(response.body());
			}
			catch (RuntimeException ex) {
				// not JSON: kept as null
			}
			long retryAfter = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
			return new Answer(response.statusCode(), json, retryAfter);
		}

	}

}
