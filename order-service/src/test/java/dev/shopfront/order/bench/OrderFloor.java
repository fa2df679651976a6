package dev.shopfront.order.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;

/**
 * The floor of the order benchmark: what PostgreSQL and RabbitMQ allow on this machine
 * for the work one order is. Plain JDBC and the plain RabbitMQ client, no Spring, no
 * HTTP, no JSON mapping, no tracing: the same statements, transactions and messages the
 * real system makes for one order (listed in docs/benchmarks.md, counted there by
 * {@link StatementCensus}, which the benchmark runs on the floor's databases too so that
 * both lists can be compared), on copies of the services' schemas ({@code bench_floor_*},
 * made by the script with {@code pg_dump --schema-only}), at full speed, in the same run
 * as the system.
 *
 * <p>
 * One order: the POST's three transactions in order-service's database with inventory's
 * reservation between them (T1 claim key + insert order, saga, history, lines;
 * reservation in inventory's database, with the quantities of the request; T2 saga to
 * AWAITING_PAYMENT with the outbox row of {@code payment.authorize}; T3 key completed); a
 * relay per service (poll with {@code FOR UPDATE SKIP LOCKED}, publish with confirms,
 * mark sent) woken after each commit that wrote an outbox row; payment's consumer (inbox,
 * advisory lock, payment, outbox row of {@code payment.authorized}); order's consumer
 * (inbox, saga DONE, order CONFIRMED with the status trigger's NOTIFY, history, outbox
 * row of {@code order.confirmed}); the three consumers of {@code order.confirmed}
 * (inventory commits the reservation, shipping creates the shipment, notification queues
 * the e-mail) and the notification sender's claim and mark (no SMTP); and the client's
 * two reads of the order (the {@code Prefer: wait} GET: registered, read; read again
 * after the change). Quorum queues, persistent messages, manual acks, prefetch 20, as the
 * services.
 */
final class OrderFloor {

	private static final String SELECT_ORDER = "select o.*, h.entry_no, h.status, h.reason, h.at, l.line_no, l.sku, "
			+ "l.quantity, l.unit_price from orders o left join order_history h on o.id = h.order_id "
			+ "left join order_lines l on o.id = l.order_id where o.id = ?";

	private static final String INSERT_OUTBOX = "insert into outbox (message_id, exchange, routing_key, type, source, "
			+ "subject, dataschema, payload, traceparent, tracestate, created_at, next_attempt_at) "
			+ "values (?, ?, ?, ?, ?, ?, ?, ?, null, null, now(), now())";

	private static final String INSERT_INBOX = "insert into inbox (consumer, message_id) values (?, ?) "
			+ "on conflict do nothing";

	private static final String PAYLOAD = "{\"orderId\":\"%s\",\"userId\":\"%s\",\"amount\":\"%s\",\"currency\":\"EUR\","
			+ "\"cardToken\":\"tok_visa\",\"items\":[{\"sku\":\"%s\",\"quantity\":%d}]}";

	private final String jdbcBase;

	private final String user;

	private final String prefix;

	private final int clients;

	private final Map<String, Pool> pools = new LinkedHashMap<>();

	private final Map<String, Relay> relays = new LinkedHashMap<>();

	private final Map<UUID, CompletableFuture<Void>> confirmations = new ConcurrentHashMap<>();

	private final List<String> skus = new ArrayList<>();

	private final List<UUID> users = new ArrayList<>();

	private final LongAdder errors = new LongAdder();

	private final AtomicLong firstError = new AtomicLong();

	private com.rabbitmq.client.Connection broker;

	/**
	 * @param jdbcBase such as {@code jdbc:postgresql://127.0.0.1:5432/}
	 * @param user a role that may write the floor databases
	 * @param prefix of the floor databases, such as {@code bench_floor_}
	 * @param clients concurrent orders, as the system's clients
	 */
	OrderFloor(String jdbcBase, String user, String prefix, int clients) {
		this.jdbcBase = jdbcBase;
		this.user = user;
		this.prefix = prefix;
		this.clients = clients;
	}

	List<String> databases() {
		return List
			.of("order_service", "inventory_service", "payment_service", "shipping_service", "notification_service")
			.stream()
			.map((name) -> this.prefix + name)
			.toList();
	}

	/**
	 * Connects, seeds products and recipients, declares the floor's exchanges and queues
	 * on the benchmark's virtual host and starts the relays and consumers.
	 */
	void start(String amqpUri, int products, int customers) throws Exception {
		// as the services' pools: up to 10 connections each
		for (String service : List.of("order", "inventory", "payment", "shipping", "notification")) {
			this.pools.put(service, new Pool(this.jdbcBase + this.prefix + service + "_service", this.user, 10));
		}
		this.pools.get("inventory").transaction((connection) -> {
			try (PreparedStatement insert = connection.prepareStatement("insert into products (sku, name, description, "
					+ "category, price, currency, available, version, created_at, updated_at) values "
					+ "(?, ?, '', 'Floor', 10.00, 'EUR', 1000000, 0, now(), now())")) {
				for (int i = 0; i < products; i++) {
					String sku = "FLOOR-%03d".formatted(i);
					this.skus.add(sku);
					insert.setString(1, sku);
					insert.setString(2, "Floor product " + i);
					insert.addBatch();
				}
				insert.executeBatch();
			}
			return null;
		});
		this.pools.get("notification").transaction((connection) -> {
			try (PreparedStatement insert = connection.prepareStatement("insert into recipients (user_id, email, "
					+ "full_name, version, updated_at, email_verified) values (?, ?, 'Floor Customer', 1, now(), true)")) {
				for (int i = 0; i < customers; i++) {
					UUID id = UUID.randomUUID();
					this.users.add(id);
					insert.setObject(1, id);
					insert.setString(2, "floor-" + i + "@shopfront.example");
					insert.addBatch();
				}
				insert.executeBatch();
			}
			return null;
		});
		ConnectionFactory factory = new ConnectionFactory();
		factory.setUri(amqpUri);
		this.broker = factory.newConnection("order-floor");
		try (Channel setup = this.broker.createChannel()) {
			for (String exchange : List.of("floor.payment.commands", "floor.payment.events", "floor.order.events")) {
				setup.exchangeDeclare(exchange, "topic", true);
			}
			queue(setup, "floor.payment.payment-commands", "floor.payment.commands", "payment.authorize");
			queue(setup, "floor.order.payment-events", "floor.payment.events", "payment.authorized");
			for (String consumer : List.of("inventory", "shipping", "notification")) {
				queue(setup, "floor." + consumer + ".order-events", "floor.order.events", "order.confirmed");
			}
		}
		this.relays.put("order", new Relay("order"));
		this.relays.put("payment", new Relay("payment"));
		this.relays.values().forEach(Relay::start);
		consume("floor.payment.payment-commands", "payment", this::authorizePayment);
		consume("floor.order.payment-events", "order", this::confirmOrder);
		consume("floor.inventory.order-events", "inventory", this::commitReservation);
		consume("floor.shipping.order-events", "shipping", this::createShipment);
		consume("floor.notification.order-events", "notification", this::queueEmail);
	}

	private static void queue(Channel channel, String queue, String exchange, String key) throws IOException {
		channel.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "quorum"));
		channel.queueBind(queue, exchange, key);
	}

	/**
	 * Places orders with {@code clients} threads for {@code warmup + seconds} seconds.
	 * @param atWindowStart run when the measured window starts
	 * @param atWindowEnd run when it ends
	 * @return orders completed (CONFIRMED and read) that started and ended in the window
	 */
	long run(int warmup, int seconds, Runnable atWindowStart, Runnable atWindowEnd) throws InterruptedException {
		long measureFrom = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
		long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
		Thread window = Thread.ofVirtual().name("floor-window").start(() -> {
			// the window's two instants, not a wait for an outcome
			sleepUntil(measureFrom);
			atWindowStart.run();
			sleepUntil(end);
			atWindowEnd.run();
		});
		LongAdder inWindow = new LongAdder();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < this.clients; i++) {
			threads.add(Thread.ofVirtual().name("floor-client-" + i).start(() -> {
				while (System.nanoTime() < end) {
					long started = System.nanoTime();
					try {
						order();
						if (started >= measureFrom && System.nanoTime() <= end) {
							inWindow.increment();
						}
					}
					catch (Exception ex) {
						error(ex);
					}
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		window.join();
		return inWindow.sum();
	}

	private static void sleepUntil(long nanoTime) {
		long left = nanoTime - System.nanoTime();
		if (left > 0) {
			try {
				Thread.sleep(Duration.ofNanos(left));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	long errors() {
		return this.errors.sum();
	}

	void stop() {
		this.relays.values().forEach(Relay::stop);
		try {
			if (this.broker != null) {
				try (Channel cleanup = this.broker.createChannel()) {
					for (String queue : List.of("floor.payment.payment-commands", "floor.order.payment-events",
							"floor.inventory.order-events", "floor.shipping.order-events",
							"floor.notification.order-events")) {
						cleanup.queueDelete(queue);
					}
					for (String exchange : List.of("floor.payment.commands", "floor.payment.events",
							"floor.order.events")) {
						cleanup.exchangeDelete(exchange);
					}
				}
				this.broker.close();
			}
		}
		catch (Exception ex) {
			System.out.println("  floor: cleanup of the broker objects failed: " + ex);
		}
		this.pools.values().forEach(Pool::close);
	}

	// --- one order, as the client and order-service see it

	private void order() throws Exception {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		UUID orderId = UUID.randomUUID();
		UUID userId = this.users.get(random.nextInt(this.users.size()));
		List<String> picked = new ArrayList<>();
		random.ints(0, this.skus.size())
			.distinct()
			.limit(1 + random.nextInt(3))
			.forEach((i) -> picked.add(this.skus.get(i)));
		List<Integer> quantities = picked.stream().map((sku) -> 1 + random.nextInt(3)).toList();
		CompletableFuture<Void> confirmed = new CompletableFuture<>();
		this.confirmations.put(orderId, confirmed);
		Pool orders = this.pools.get("order");
		String key = UUID.randomUUID().toString();
		Instant now = Instant.now();
		// T1: claim the idempotency key, store order, saga, history and lines
		orders.transaction((c) -> {
			update(c,
					"insert into idempotency_keys (user_id, idempotency_key, request_hash, order_id, created_at) "
							+ "values (?, ?, ?, ?, ?) on conflict do nothing",
					userId, key, "0".repeat(64), orderId, ts(now));
			update(c,
					"insert into orders (id, user_id, status, reason, currency, total, ship_line1, ship_line2, ship_city, "
							+ "ship_postal_code, ship_country, created_at, updated_at, version) values (?, ?, 'PENDING', null, "
							+ "null, null, 'Main Street 1', null, 'Springfield', '12345', 'US', ?, ?, 0)",
					orderId, userId, ts(now), ts(now));
			update(c, "insert into checkout_sagas (order_id, step, payment, payment_id, card_token, payment_deadline, "
					+ "started_at, updated_at, version) values (?, 'RESERVING', 'NONE', null, 'tok_visa', null, ?, ?, 0)",
					orderId, ts(now), ts(now));
			update(c,
					"insert into order_history (order_id, entry_no, status, reason, at) values (?, 0, 'PENDING', null, ?)",
					orderId, ts(now));
			for (int i = 0; i < picked.size(); i++) {
				update(c,
						"insert into order_lines (order_id, line_no, sku, quantity, unit_price) values (?, ?, ?, ?, null)",
						orderId, i, picked.get(i), quantities.get(i));
			}
			return null;
		});
		// the reservation, in inventory's database (over REST in the system)
		this.pools.get("inventory").transaction((c) -> {
			update(c, "insert into reservations (order_id, status, request_hash, expires_at, created_at, updated_at) "
					+ "values (?, 'HELD', ?, now() + interval '15 minutes', now(), now()) on conflict (order_id) do nothing",
					orderId, "0".repeat(64));
			query(c, "select sku from products where sku = any(?)", c.createArrayOf("varchar", picked.toArray()));
			List<String> sorted = picked.stream().sorted().toList();
			for (String sku : sorted) {
				int quantity = quantities.get(picked.indexOf(sku));
				query(c, "update products set available = available - ?, reserved = reserved + ? where sku = ? "
						+ "and available >= ? returning price, currency", quantity, quantity, sku, quantity);
				update(c, "insert into reservation_lines (order_id, sku, quantity, unit_price, currency) values "
						+ "(?, ?, ?, 10.00, 'EUR')", orderId, sku, quantity);
			}
			return null;
		});
		BigDecimal total = BigDecimal.TEN
			.multiply(BigDecimal.valueOf(quantities.stream().mapToInt(Integer::intValue).sum()));
		// T2: stock held: the saga awaits payment, payment.authorize into the outbox
		orders.transaction((c) -> {
			query(c, "select * from checkout_sagas where order_id = ? for no key update", orderId);
			query(c, SELECT_ORDER, orderId);
			outbox(c, "floor.payment.commands", "payment.authorize", orderId,
					PAYLOAD.formatted(orderId, userId, total, picked.get(0), quantities.get(0)));
			update(c,
					"update checkout_sagas set step = 'AWAITING_PAYMENT', payment_deadline = now() + interval '2 minutes', "
							+ "updated_at = now(), version = version + 1 where order_id = ? and version = 0",
					orderId);
			update(c, "update orders set status = 'PENDING', currency = 'EUR', total = ?, updated_at = now(), "
					+ "version = version + 1 where id = ? and version = 0", total, orderId);
			for (int i = 0; i < picked.size(); i++) {
				update(c,
						"update order_lines set sku = ?, quantity = ?, unit_price = 10.00 where order_id = ? and line_no = ?",
						picked.get(i), quantities.get(i), orderId, i);
			}
			return null;
		});
		this.relays.get("order").wake();
		// T3: the idempotency key gets its answer
		orders.transaction((c) -> update(c,
				"update idempotency_keys set response_status = 201, response_body = ?, "
						+ "completed_at = now() where user_id = ? and idempotency_key = ? and response_status is null",
				"{\"id\":\"" + orderId + "\",\"status\":\"PENDING\"}", userId, key));
		// the client's GET with Prefer: wait: registered, read; read again after the
		// change
		orders.readOnly((c) -> query(c, SELECT_ORDER, orderId));
		confirmed.get(30, TimeUnit.SECONDS);
		orders.readOnly((c) -> query(c, SELECT_ORDER, orderId));
	}

	// --- the consumers

	private void authorizePayment(Connection c, UUID orderId, String payload) throws SQLException {
		query(c, "select 1 from pg_advisory_xact_lock(1, hashtext(?))", orderId.toString());
		String latest = "select p.*, r.* from payments p left join refunds r on r.payment_id = p.id where p.order_id = ? "
				+ "order by p.status in ('AUTHORIZED', 'REFUNDED') desc, p.created_at, p.id limit 1";
		query(c, latest, orderId);
		UUID paymentId = UUID.randomUUID();
		update(c, "insert into payments (id, order_id, user_id, status, amount, currency, card_brand, decline_reason, "
				+ "created_at, updated_at) values (?, ?, ?, 'AUTHORIZED', 10.00, 'EUR', 'visa', null, now(), now()) "
				+ "on conflict (order_id) where status in ('AUTHORIZED', 'REFUNDED') do nothing", paymentId, orderId,
				UUID.randomUUID());
		outbox(c, "floor.payment.events", "payment.authorized", orderId,
				"{\"orderId\":\"" + orderId + "\",\"paymentId\":\"" + paymentId + "\"}");
	}

	private void confirmOrder(Connection c, UUID orderId, String payload) throws SQLException {
		query(c, "select * from checkout_sagas where order_id = ? for no key update", orderId);
		query(c, SELECT_ORDER, orderId);
		outbox(c, "floor.order.events", "order.confirmed", orderId, payload);
		update(c, "update checkout_sagas set step = 'DONE', payment = 'AUTHORIZED', updated_at = now(), "
				+ "version = version + 1 where order_id = ? and version = 1", orderId);
		// the status trigger NOTIFYs, as in the system
		update(c, "update orders set status = 'CONFIRMED', updated_at = now(), version = version + 1 "
				+ "where id = ? and version = 1", orderId);
		update(c, "insert into order_history (order_id, entry_no, status, reason, at) values (?, 1, 'CONFIRMED', null, "
				+ "now())", orderId);
	}

	private void commitReservation(Connection c, UUID orderId, String payload) throws SQLException {
		update(c,
				"update reservations set status = 'COMMITTED', updated_at = now() where order_id = ? and status = 'HELD'",
				orderId);
		List<Object[]> lines = query(c, "select sku, quantity, unit_price, currency from reservation_lines "
				+ "where order_id = ? order by sku", orderId);
		for (Object[] line : lines) {
			update(c, "update products set available = available + 0, reserved = reserved - ? where sku = ?", line[1],
					line[0]);
		}
	}

	private void createShipment(Connection c, UUID orderId, String payload) throws SQLException {
		query(c, "select 1 from pg_advisory_xact_lock(2, hashtext(?))", orderId.toString());
		query(c, "select * from shipments where order_id = ?", orderId);
		query(c, "select count(*) from cancelled_orders where order_id = ?", orderId);
		String tracking = "SF" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
		update(c, "insert into shipments (id, order_id, user_id, tracking_number, status, ship_line1, ship_line2, "
				+ "ship_city, ship_postal_code, ship_country, created_at, updated_at) values (?, ?, ?, ?, 'CREATED', "
				+ "'Main Street 1', null, 'Springfield', '12345', 'US', now(), now()) on conflict (order_id) do nothing",
				UUID.randomUUID(), orderId, UUID.randomUUID(), tracking);
	}

	private void queueEmail(Connection c, UUID orderId, String payload) throws SQLException {
		UUID userId = this.users.get(ThreadLocalRandom.current().nextInt(this.users.size()));
		update(c,
				"insert into notifications (id, template, reference, user_id, order_id, subject, model, status, "
						+ "next_attempt_at, source_message_id, created_at) values (?, 'ORDER_CONFIRMED', ?, ?, ?, "
						+ "'Your order is confirmed', ?::jsonb, 'PENDING', now(), ?, now()) "
						+ "on conflict on constraint notifications_once do nothing",
				UUID.randomUUID(), orderId, userId, orderId, "{\"orderId\":\"" + orderId + "\"}",
				UUID.randomUUID().toString());
		// the sender's claim and mark, its own transaction in the system (no SMTP here)
		c.commit();
		List<Object[]> due = query(c, "select n.id from notifications n join recipients r on r.user_id = n.user_id "
				+ "where n.status = 'PENDING' and n.next_attempt_at <= now() and (r.email_verified or "
				+ "n.template = 'VERIFY_EMAIL') order by n.next_attempt_at, n.id limit 1 for update of n skip locked");
		if (!due.isEmpty()) {
			update(c,
					"update notifications set status = 'SENT', sent_at = now(), recipient = 'floor@shopfront.example', "
							+ "attempts = 1, last_error = null where id = ?",
					due.get(0)[0]);
		}
	}

	@FunctionalInterface
	interface Handler {

		void handle(Connection connection, UUID orderId, String payload) throws SQLException;

	}

	private void consume(String queue, String service, Handler handler) throws IOException {
		Channel channel = this.broker.createChannel();
		channel.basicQos(20);
		Pool pool = this.pools.get(service);
		Relay relay = this.relays.get(service);
		channel.basicConsume(queue, false, new DefaultConsumer(channel) {
			@Override
			public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
					throws IOException {
				UUID orderId = UUID.fromString(properties.getCorrelationId());
				try {
					pool.transaction((c) -> {
						update(c, INSERT_INBOX, queue, properties.getMessageId());
						handler.handle(c, orderId, new String(body, StandardCharsets.UTF_8));
						return null;
					});
					if (relay != null) {
						relay.wake();
					}
					if ("order".equals(service)) {
						CompletableFuture<Void> confirmed = OrderFloor.this.confirmations.remove(orderId);
						if (confirmed != null) {
							// in the system the status trigger's NOTIFY wakes the waiting
							// GET
							confirmed.complete(null);
						}
					}
					channel.basicAck(envelope.getDeliveryTag(), false);
				}
				catch (Exception ex) {
					error(ex);
					channel.basicNack(envelope.getDeliveryTag(), false, false);
				}
			}
		});
	}

	// --- a service's outbox relay

	private final class Relay {

		private final String service;

		private final Semaphore wakeUps = new Semaphore(0);

		private volatile boolean running = true;

		private Thread thread;

		Relay(String service) {
			this.service = service;
		}

		void start() {
			this.thread = Thread.ofPlatform().name("floor-relay-" + this.service).daemon().start(this::run);
		}

		void wake() {
			this.wakeUps.release();
		}

		void stop() {
			this.running = false;
			this.wakeUps.release();
		}

		private void run() {
			try (Channel channel = OrderFloor.this.broker.createChannel()) {
				channel.confirmSelect();
				Pool pool = OrderFloor.this.pools.get(this.service);
				while (this.running) {
					int sent = pool.transaction((c) -> {
						List<Object[]> rows = query(c,
								"select o.id, o.message_id, o.exchange, o.routing_key, o.type, "
										+ "o.subject, o.payload, o.attempts from outbox o where o.sent_at is null and "
										+ "o.next_attempt_at <= now() and o.id = (select min(e.id) from outbox e where "
										+ "e.subject = o.subject and e.sent_at is null) order by o.id limit 100 "
										+ "for update of o skip locked");
						if (rows.isEmpty()) {
							return 0;
						}
						Long[] ids = new Long[rows.size()];
						for (int i = 0; i < rows.size(); i++) {
							Object[] row = rows.get(i);
							ids[i] = (Long) row[0];
						}
						try {
							for (int i = 0; i < rows.size(); i++) {
								Object[] row = rows.get(i);
								channel.basicPublish((String) row[2], (String) row[3], true, propertiesOf(row),
										((String) row[6]).getBytes(StandardCharsets.UTF_8));
							}
							channel.waitForConfirmsOrDie(5000);
						}
						catch (Exception ex) {
							throw new SQLException(ex);
						}
						update(c, "update outbox set sent_at = now(), last_error = null where id = any(?)",
								c.createArrayOf("bigint", ids));
						return rows.size();
					});
					if (sent < 100) {
						this.wakeUps.tryAcquire(1, TimeUnit.SECONDS);
						this.wakeUps.drainPermits();
					}
				}
			}
			catch (Exception ex) {
				if (this.running) {
					error(ex);
				}
			}
		}

	}

	private static AMQP.BasicProperties propertiesOf(Object[] row) {
		return new AMQP.BasicProperties.Builder().messageId(row[1].toString())
			.type((String) row[4])
			.correlationId((String) row[5])
			.contentType("application/json")
			.deliveryMode(2)
			.build();
	}

	// --- JDBC helpers

	private static void outbox(Connection c, String exchange, String key, UUID orderId, String payload)
			throws SQLException {
		update(c, INSERT_OUTBOX, UUID.randomUUID(), exchange, key, key, "/floor", orderId.toString(),
				"https://shopfront.example/schemas/" + key + ".v1.json", payload);
	}

	private static int update(Connection c, String sql, Object... parameters) throws SQLException {
		try (PreparedStatement statement = prepare(c, sql, parameters)) {
			return statement.executeUpdate();
		}
	}

	private static List<Object[]> query(Connection c, String sql, Object... parameters) throws SQLException {
		try (PreparedStatement statement = prepare(c, sql, parameters); ResultSet rows = statement.executeQuery()) {
			List<Object[]> result = new ArrayList<>();
			int columns = rows.getMetaData().getColumnCount();
			while (rows.next()) {
				Object[] row = new Object[columns];
				for (int i = 0; i < columns; i++) {
					row[i] = rows.getObject(i + 1);
				}
				result.add(row);
			}
			return result;
		}
	}

	private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
		PreparedStatement statement = c.prepareStatement(sql);
		for (int i = 0; i < parameters.length; i++) {
			statement.setObject(i + 1, parameters[i]);
		}
		return statement;
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

	private void error(Exception ex) {
		this.errors.increment();
		if (this.firstError.compareAndSet(0, 1)) {
			System.out.println("  floor: first error: " + ex);
		}
	}

	@FunctionalInterface
	interface Work<T> {

		T run(Connection connection) throws SQLException;

	}

	/** A fixed set of connections, as a pool without a framework. */
	private static final class Pool {

		private final BlockingQueue<Connection> connections;

		Pool(String url, String user, int size) throws SQLException {
			this.connections = new ArrayBlockingQueue<>(size);
			for (int i = 0; i < size; i++) {
				Connection connection = DriverManager.getConnection(url, user, "");
				connection.setAutoCommit(false);
				this.connections.add(connection);
			}
		}

		<T> T transaction(Work<T> work) throws SQLException {
			Connection connection = take();
			try {
				T result = work.run(connection);
				connection.commit();
				return result;
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				this.connections.add(connection);
			}
		}

		/**
		 * A read-only transaction, as Spring's {@code @Transactional(readOnly = true)}.
		 */
		<T> T readOnly(Work<T> work) throws SQLException {
			Connection connection = take();
			try {
				connection.setReadOnly(true);
				T result = work.run(connection);
				connection.commit();
				return result;
			}
			finally {
				connection.setReadOnly(false);
				this.connections.add(connection);
			}
		}

		private Connection take() {
			try {
				return this.connections.take();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		void close() {
			for (Connection connection : this.connections) {
				try {
					connection.close();
				}
				catch (SQLException ex) {
					// closing at the end of the run
				}
			}
		}

	}

}
