package dev.shopfront.order;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shopfront.testsupport.JwtMinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stands in for the two services order-service calls over HTTP: user-service's token
 * endpoint (client credentials) and inventory-service's reservation API. Stock is
 * unlimited at 10.00 EUR per unit unless a SKU is set short; the whole "service" can be
 * made to answer 503, or slowly.
 */
public final class FakeParticipants {

	private final HttpServer server;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, Integer> shortStock = new ConcurrentHashMap<>();

	private final Map<String, String> prices = new ConcurrentHashMap<>();

	private final Map<UUID, JsonNode> reservations = new ConcurrentHashMap<>();

	/** Authorization headers of the reservation calls, in order. */
	public final List<String> authorizations = new CopyOnWriteArrayList<>();

	/** Reservation calls received (answered or not). */
	public final AtomicInteger reservationCalls = new AtomicInteger();

	/**
	 * Reservation requests being answered now (a slow answer may land after the caller
	 * gave up).
	 */
	public final AtomicInteger reservationsInFlight = new AtomicInteger();

	/** Token requests received. */
	public final AtomicInteger tokenCalls = new AtomicInteger();

	/** Orders whose release was asked for (answered or not), in order. */
	public final List<UUID> releaseCalls = new CopyOnWriteArrayList<>();

	private volatile boolean down;

	private volatile long delayMillis;

	private final AtomicInteger failures = new AtomicInteger();

	private volatile int tokenLifetimeSeconds = 300;

	private volatile @org.jspecify.annotations.Nullable String brokenAnswer;

	private volatile int tokenStatus = 200;

	public FakeParticipants() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/oauth2/token", this::token);
		this.server.createContext("/internal/reservations", this::reserve);
		this.server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public void reset() {
		this.shortStock.clear();
		this.prices.clear();
		this.down = false;
		this.delayMillis = 0;
		this.failures.set(0);
		this.tokenLifetimeSeconds = 300;
		this.brokenAnswer = null;
		this.tokenStatus = 200;
	}

	/**
	 * The token endpoint answers this status from now on: 200 issues tokens, 401 refuses
	 * order-service's credentials ({@code invalid_client}), 503 is user-service down.
	 * @param status the status
	 */
	public void tokenStatus(int status) {
		this.tokenStatus = status;
	}

	/**
	 * The next reservation calls answer 503.
	 * @param calls how many
	 */
	public void failNext(int calls) {
		this.failures.set(calls);
	}

	/**
	 * Tokens issued from now on live this long ({@code expires_in}).
	 * @param seconds the lifetime
	 */
	public void tokenLifetime(int seconds) {
		this.tokenLifetimeSeconds = seconds;
	}

	/**
	 * Reservations are answered 201 with this body, as a broken inventory-service would.
	 * @param body the body
	 */
	public void answerBroken(String body) {
		this.brokenAnswer = body;
	}

	public void shortOf(String sku, int available) {
		this.shortStock.put(sku, available);
	}

	public void price(String sku, String price) {
		this.prices.put(sku, price);
	}

	public void down(boolean down) {
		this.down = down;
	}

	public void delay(long millis) {
		this.delayMillis = millis;
	}

	public boolean reserved(UUID orderId) {
		return this.reservations.containsKey(orderId);
	}

	public void stop() {
		this.server.stop(0);
	}

	private void token(HttpExchange exchange) throws IOException {
		this.tokenCalls.incrementAndGet();
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		String expected = "Basic " + java.util.Base64.getEncoder()
			.encodeToString("order-service:test-secret".getBytes(StandardCharsets.UTF_8));
		if (!expected.equals(authorization) || this.tokenStatus == 401) {
			send(exchange, 401, "{\"error\":\"invalid_client\"}", "application/json");
			return;
		}
		if (this.tokenStatus != 200) {
			send(exchange, this.tokenStatus, "{\"status\":" + this.tokenStatus + "}", "application/problem+json");
			return;
		}
		String token = JwtMinter.shared().service("order-service");
		send(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
				+ this.tokenLifetimeSeconds + "}", "application/json");
	}

	private void reserve(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		if (path.endsWith("/release")) {
			release(exchange, UUID.fromString(path.split("/")[3]));
			return;
		}
		this.reservationCalls.incrementAndGet();
		this.reservationsInFlight.incrementAndGet();
		try {
			reserveNow(exchange);
		}
		finally {
			this.reservationsInFlight.decrementAndGet();
		}
	}

	private void reserveNow(HttpExchange exchange) throws IOException {
		this.authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
		JsonNode request = this.json.readTree(exchange.getRequestBody().readAllBytes());
		if (this.delayMillis > 0) {
			try {
				Thread.sleep(this.delayMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.down || this.failures.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
			send(exchange, 503, "{\"status\":503}", "application/problem+json");
			return;
		}
		String broken = this.brokenAnswer;
		if (broken != null) {
			send(exchange, 201, broken, "application/json");
			return;
		}
		UUID orderId = UUID.fromString(request.get("orderId").asString());
		ArrayNode unavailable = this.json.createArrayNode();
		ArrayNode lines = this.json.createArrayNode();
		for (JsonNode item : request.get("items")) {
			String sku = item.get("sku").asString();
			int quantity = item.get("quantity").asInt();
			if (sku.startsWith("UNKNOWN")) {
				send(exchange, 422, "{\"type\":\"https://shopfront.dev/problems/unknown-product\",\"status\":422,"
						+ "\"detail\":\"Unknown SKU(s): " + sku + ".\"}", "application/problem+json");
				return;
			}
			Integer available = this.shortStock.get(sku);
			if (available != null && available < quantity) {
				ObjectNode shortage = unavailable.addObject();
				shortage.put("sku", sku);
				shortage.put("requested", quantity);
				shortage.put("available", available);
			}
			ObjectNode line = lines.addObject();
			line.put("sku", sku);
			line.put("quantity", quantity);
			line.put("unitPrice", this.prices.getOrDefault(sku, "10.00"));
			line.put("currency", sku.startsWith("USD") ? "USD" : "EUR");
		}
		if (!unavailable.isEmpty()) {
			ObjectNode problem = this.json.createObjectNode();
			problem.put("type", "https://shopfront.dev/problems/insufficient-stock");
			problem.put("status", 409);
			problem.put("detail", "Not enough stock.");
			problem.set("unavailable", unavailable);
			send(exchange, 409, problem.toString(), "application/problem+json");
			return;
		}
		ObjectNode body = this.json.createObjectNode();
		body.put("orderId", orderId.toString());
		body.put("status", "HELD");
		body.put("expiresAt", "2099-01-01T00:00:00Z");
		body.set("items", lines);
		boolean created = this.reservations.putIfAbsent(orderId, body) == null;
		send(exchange, created ? 201 : 200, body.toString(), "application/json");
	}

	/** {@code POST /internal/reservations/{orderId}/release}: what it holds goes back. */
	private void release(HttpExchange exchange, UUID orderId) throws IOException {
		this.releaseCalls.add(orderId);
		if (this.down) {
			send(exchange, 503, "{\"status\":503}", "application/problem+json");
			return;
		}
		String status = (this.reservations.remove(orderId) != null) ? "RELEASED" : "VOID";
		send(exchange, 200, "{\"orderId\":\"" + orderId + "\",\"status\":\"" + status + "\"}", "application/json");
	}

	private static void send(HttpExchange exchange, int status, String body, String contentType) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
