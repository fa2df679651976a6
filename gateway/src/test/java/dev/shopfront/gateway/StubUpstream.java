package dev.shopfront.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in service on a free loopback port: records every request it gets and answers
 * with a small JSON body; paths ending in {@code /slow} answer only after two seconds.
 */
public final class StubUpstream implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	/**
	 * Holds answers to {@code /slow} (longer than the gateway waits) until the stub
	 * closes.
	 */
	private final CountDownLatch slowAnswers = new CountDownLatch(1);

	/** The body every answer has, when a test sets one. */
	private volatile @Nullable String answer;

	/** How long every answer waits. */
	private volatile Duration delay = Duration.ZERO;

	/** A header every answer has, when a test sets one. */
	private volatile Map.@Nullable Entry<String, String> extraHeader;

	public StubUpstream() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			exchange.getRequestHeaders().forEach(headers::put);
			this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
					exchange.getRequestURI().getRawQuery(), headers, new String(body, StandardCharsets.UTF_8)));
			if (exchange.getRequestURI().getPath().endsWith("/slow")) {
				this.slowAnswers.await(2, TimeUnit.SECONDS);
			}
			if (!this.delay.isZero()) {
				Thread.sleep(this.delay);
			}
			int status = "POST".equals(exchange.getRequestMethod()) ? 201 : 200;
			String fixed = this.answer;
			byte[] answer = ((fixed != null) ? fixed
					: "{\"path\":\"" + exchange.getRequestURI().getPath() + "\",\"received\":" + body.length + "}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.getResponseHeaders().add("X-Upstream", "stub");
			exchange.getResponseHeaders().add("X-Request-Id", "upstream-made-this-up");
			Map.Entry<String, String> extra = this.extraHeader;
			if (extra != null) {
				exchange.getResponseHeaders().add(extra.getKey(), extra.getValue());
			}
			exchange.sendResponseHeaders(status, answer.length);
			exchange.getResponseBody().write(answer);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public List<Received> received() {
		return List.copyOf(this.received);
	}

	public Received last() {
		if (this.received.isEmpty()) {
			throw new AssertionError("The upstream received no request");
		}
		return this.received.get(this.received.size() - 1);
	}

	public void clear() {
		this.received.clear();
		this.answer = null;
		this.delay = Duration.ZERO;
		this.extraHeader = null;
	}

	/**
	 * Adds this header to every answer from now on (until {@link #clear()}).
	 * @param name the header's name
	 * @param value its value
	 */
	public void answerWithHeader(String name, String value) {
		this.extraHeader = Map.entry(name, value);
	}

	/**
	 * Answers every request with this body from now on (until {@link #clear()}).
	 * @param body the JSON body
	 */
	public void answerWith(String body) {
		this.answer = body;
	}

	/**
	 * Answers every request only after this long (until {@link #clear()}): a slow
	 * service.
	 * @param delay the delay
	 */
	public void delayAnswers(Duration delay) {
		this.delay = delay;
	}

	/**
	 * A base URL where nothing listens.
	 * @return the URL
	 */
	public static String nobodyListening() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.slowAnswers.countDown();
		this.server.stop(0);
	}

	/**
	 * One request as the service saw it.
	 *
	 * @param method the method
	 * @param path the raw path
	 * @param query the raw query, or null
	 * @param headers the headers, names case-insensitive
	 * @param body the body
	 */
	public record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {

		public String header(String name) {
			List<String> values = this.headers.get(name);
			return (values != null && !values.isEmpty()) ? values.get(0) : null;
		}

	}

}
