package dev.shopfront.gateway.migration;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Shadow mode, off the client's path: the client gets the legacy application's answer as
 * it came; once it has been sent, a copy of the request goes to the service on a worker
 * thread, and the two answers are compared (status, and the JSON body without the route's
 * ignored members). The waiting copies are bounded: when the queue is full a copy is
 * dropped and counted, never waited for. POST, PUT, PATCH and DELETE are copied only
 * where the route says so. {@code shopfront.gateway.shadow} counts {@code matched},
 * {@code mismatched}, {@code dropped} and {@code failed} per route; the last mismatches,
 * with both bodies and where they differ, are kept for ADMINs.
 */
public class ShadowComparison extends OncePerRequestFilter implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ShadowComparison.class);

	private static final String CANDIDATE = ShadowComparison.class.getName() + ".route";

	private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

	/** The request headers a copy carries. */
	private static final List<String> COPIED = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.ACCEPT,
			HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT_LANGUAGE);

	private final MigrationModes modes;

	private final MigrationProperties properties;

	private final Map<String, URI> services;

	private final JsonMapper json;

	private final MeterRegistry meters;

	private final Clock clock;

	private final ThreadPoolExecutor workers;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final Map<String, Deque<Mismatch>> mismatches = new ConcurrentHashMap<>();

	ShadowComparison(MigrationModes modes, MigrationProperties properties, Map<String, URI> services, JsonMapper json,
			MeterRegistry meters, Clock clock) {
		this.modes = modes;
		this.properties = properties;
		this.services = Map.copyOf(services);
		this.json = json;
		this.meters = meters;
		this.clock = clock;
		this.workers = new ThreadPoolExecutor(properties.shadowWorkers(), properties.shadowWorkers(), 0,
				TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(Math.max(1, properties.shadowQueue())),
				Thread.ofPlatform().name("shadow-", 0).daemon().factory());
	}

	/**
	 * Marks a request whose answer comes from the legacy application for comparison.
	 * @param route its route, in shadow mode
	 * @param request the request
	 */
	void markForComparison(String route, HttpServletRequest request) {
		request.setAttribute(CANDIDATE, route);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.modes.routes().stream().noneMatch((route) -> this.modes.current(route).mode() == Mode.SHADOW)) {
			chain.doFilter(request, response);
			return;
		}
		ContentCachingRequestWrapper requestCopy = new ContentCachingRequestWrapper(request, 1024 * 1024);
		ContentCachingResponseWrapper responseCopy = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(requestCopy, responseCopy);
		}
		finally {
			int status = responseCopy.getStatus();
			byte[] legacyBody = responseCopy.getContentAsByteArray();
			responseCopy.copyBodyToResponse();
			Object route = requestCopy.getAttribute(CANDIDATE);
			if (route instanceof String name) {
				submit(name, copy(requestCopy), status, legacyBody);
			}
		}
	}

	private void submit(String route, Copy request, int legacyStatus, byte[] legacyBody) {
		MigrationProperties.MigratingRoute settings = this.properties.routes().get(route);
		if (settings == null || (!SAFE.contains(request.method()) && !settings.mirrorUnsafe())) {
			return;
		}
		try {
			this.workers.execute(() -> compare(route, settings, request, legacyStatus, legacyBody));
		}
		catch (RejectedExecutionException ex) {
			count(route, "dropped");
		}
	}

	private void compare(String route, MigrationProperties.MigratingRoute settings, Copy request, int legacyStatus,
			byte[] legacyBody) {
		try {
			HttpRequest.Builder copy = HttpRequest.newBuilder(URI.create(this.services.get(route) + request.target()))
				.timeout(Duration.ofSeconds(10))
				.method(request.method(), (request.body().length > 0)
						? HttpRequest.BodyPublishers.ofByteArray(request.body()) : HttpRequest.BodyPublishers.noBody());
			request.headers().forEach(copy::header);
			HttpResponse<byte[]> answer = this.http.send(copy.build(), HttpResponse.BodyHandlers.ofByteArray());
			List<String> differences = differences(settings.ignoreFields(), legacyStatus, legacyBody,
					answer.statusCode(), answer.body());
			if (differences.isEmpty()) {
				count(route, "matched");
				return;
			}
			count(route, "mismatched");
			remember(route, new Mismatch(this.clock.instant(), request.method(), request.target(), legacyStatus,
					answer.statusCode(), text(legacyBody), text(answer.body()), differences));
		}
		catch (IOException | RuntimeException ex) {
			count(route, "failed");
			log.warn("Shadow copy of {} {} to the service failed: {}", request.method(), request.target(),
					ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Where two answers differ: the status, then every JSON member (by its path) that is
	 * missing on one side or holds another value, ignoring the given members anywhere.
	 * @return the differences; empty when the answers match
	 */
	List<String> differences(List<String> ignored, int legacyStatus, byte[] legacyBody, int serviceStatus,
			byte[] serviceBody) {
		List<String> differences = new ArrayList<>();
		if (legacyStatus != serviceStatus) {
			differences.add("status: " + legacyStatus + " != " + serviceStatus);
		}
		JsonNode legacy = parse(legacyBody);
		JsonNode service = parse(serviceBody);
		if (legacy == null || service == null) {
			if (!java.util.Arrays.equals(legacyBody, serviceBody)) {
				differences.add("body: not JSON, and not the same bytes");
			}
			return differences;
		}
		diff("", legacy, service, Set.copyOf(ignored), differences);
		return differences;
	}

	private static void diff(String path, JsonNode legacy, JsonNode service, Set<String> ignored, List<String> out) {
		if (legacy.isObject() && service.isObject()) {
			Set<String> names = new java.util.TreeSet<>(((ObjectNode) legacy).propertyNames());
			names.addAll(((ObjectNode) service).propertyNames());
			for (String name : names) {
				if (ignored.contains(name)) {
					continue;
				}
				JsonNode left = legacy.get(name);
				JsonNode right = service.get(name);
				if (left == null || right == null) {
					out.add(path + "/" + name + ": only in the " + ((left == null) ? "service" : "legacy") + " answer");
				}
				else {
					diff(path + "/" + name, left, right, ignored, out);
				}
			}
		}
		else if (legacy.isArray() && service.isArray()) {
			if (legacy.size() != service.size()) {
				out.add(path + ": " + legacy.size() + " items != " + service.size());
				return;
			}
			for (int i = 0; i < legacy.size(); i++) {
				diff(path + "/" + i, legacy.get(i), service.get(i), ignored, out);
			}
		}
		else if (!legacy.equals(service)) {
			out.add(((path.isEmpty()) ? "/" : path) + ": " + legacy + " != " + service);
		}
	}

	private @Nullable JsonNode parse(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private void remember(String route, Mismatch mismatch) {
		Deque<Mismatch> kept = this.mismatches.computeIfAbsent(route, (key) -> new ArrayDeque<>());
		synchronized (kept) {
			kept.addFirst(mismatch);
			while (kept.size() > this.properties.mismatchesKept()) {
				kept.removeLast();
			}
		}
	}

	/**
	 * The last mismatches of a route on this gateway instance, newest first.
	 * @param route the route
	 * @return the mismatches
	 */
	List<Mismatch> mismatches(String route) {
		Deque<Mismatch> kept = this.mismatches.getOrDefault(route, new ArrayDeque<>());
		synchronized (kept) {
			return List.copyOf(kept);
		}
	}

	private void count(String route, String result) {
		this.meters.counter("shopfront.gateway.shadow", "route", route, "result", result).increment();
	}

	private static Copy copy(ContentCachingRequestWrapper request) {
		Map<String, String> headers = new java.util.LinkedHashMap<>();
		for (String name : COPIED) {
			String value = request.getHeader(name);
			if (value != null) {
				headers.put(name, value);
			}
		}
		String query = request.getQueryString();
		return new Copy(request.getMethod(), request.getRequestURI() + ((query != null) ? "?" + query : ""), headers,
				request.getContentAsByteArray());
	}

	private static String text(byte[] body) {
		return new String(body, java.nio.charset.StandardCharsets.UTF_8);
	}

	@Override
	public void destroy() {
		this.workers.shutdownNow();
	}

	private record Copy(String method, String target, Map<String, String> headers, byte[] body) {
	}

	/**
	 * A shadow comparison whose answers differed.
	 *
	 * @param at when
	 * @param method the request's method
	 * @param target its path and query
	 * @param legacyStatus the legacy application's status (what the client got)
	 * @param serviceStatus the service's status
	 * @param legacyBody the legacy application's body
	 * @param serviceBody the service's body
	 * @param differences where they differ
	 */
	public record Mismatch(Instant at, String method, String target, int legacyStatus, int serviceStatus,
			String legacyBody, String serviceBody, List<String> differences) {
	}

}
