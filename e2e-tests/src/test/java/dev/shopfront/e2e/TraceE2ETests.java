package dev.shopfront.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import com.nimbusds.jose.JOSEException;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One placed order is one trace: the test starts the trace itself (its own
 * {@code traceparent} on {@code POST /api/orders}) and reads it back from the trace
 * backend's Zipkin API, then checks that the trace holds every service in the order the
 * request and its messages took: gateway → order-service → inventory-service (REST), the
 * outbox relay's publish of {@code payment.authorize} → payment-service → its reply →
 * order-service → {@code order.confirmed} to shipping-service and notification-service,
 * down to the SMTP send. A service that drops the context (no {@code traceparent} on a
 * request or a message) breaks the chain and fails it. Needs the trace backend: the
 * system this suite starts has one; for another deployment {@code -De2e.tracesApiUrl}.
 * For the system it starts, {@code ./shop logs --trace} and {@code --order} must show the
 * same order's lines of every service, in time order. No trace starts at a poll of the
 * outbox relay or a scheduled job.
 */
@ExtendWith(ShopDeployment.class)
class TraceE2ETests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	@Test
	void aPlacedOrderIsOneTraceAcrossEveryServiceAndTheBroker(Deployment deployment) throws JOSEException {
		assumeTrue(deployment.tracesApi().isPresent(),
				"no trace backend known for " + deployment.description() + " (-De2e.tracesApiUrl)");
		assumeTrue(deployment.mailApi().isPresent(),
				"the order's e-mail needs a verified address: no mail sink known (-De2e.mailApiUrl)");
		URI zipkin = deployment.tracesApi().get();
		String sku = Admins.newProduct(deployment, "4.50", 3);
		Api.Customer customer = Api.newCustomer("trace");
		String code = Mailbox.verificationCode(deployment.mailApi().get(), customer.email(), WAIT);
		assertThat(Api.given()
			.contentType(ContentType.JSON)
			.body(Map.of("token", code))
			.post("/api/users/verify-email")
			.statusCode()).isEqualTo(204);

		String traceId = HexFormat.of().formatHex(randomBytes(16));
		String clientSpan = HexFormat.of().formatHex(randomBytes(8));
		long placedAt = System.currentTimeMillis();
		Response placed = customer.authorized()
			.contentType(ContentType.JSON)
			.header("traceparent", "00-" + traceId + "-" + clientSpan + "-01")
			.header("Idempotency-Key", "trace-" + traceId)
			.body(Map.of("items", List.of(Map.of("sku", sku, "quantity", 1)), "payment",
					Map.of("cardToken", "tok_visa"), "shippingAddress",
					Map.of("line1", "1 Trace Street", "city", "Berlin", "postalCode", "10115", "country", "DE")))
			.post("/api/orders");
		assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(201);

		Trace trace = new Trace(List.of());
		Trace[] latest = { trace };
		await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			latest[0] = Trace.read(zipkin, traceId);
			assertThat(latest[0].find("notification-service", "CLIENT", "smtp send"))
				.as("the order's e-mail sent in the order's trace; spans so far: %s", latest[0].summary())
				.isPresent();
		});
		trace = latest[0];

		Span gateway = trace.one("gateway", "SERVER", (name) -> name.startsWith("post /api/orders"));
		assertThat(gateway.parentId()).as("the gateway continues the client's trace").isEqualTo(clientSpan);
		Span order = trace.one("order-service", "SERVER", "post /api/orders"::equals);
		trace.assertDescends(order, gateway);
		trace.assertDescends(trace.one("inventory-service", "SERVER", "post /internal/reservations"::equals), order);

		Span authorize = trace.one("order-service", "PRODUCER", "payment.commands publish"::equals);
		trace.assertDescends(authorize, order);
		Span charged = trace.one("payment-service", "CONSUMER", "payment.authorize process"::equals);
		assertThat(charged.parentId()).as("payment-service consumes the relay's publish of payment.authorize")
			.isEqualTo(authorize.id());
		Span replied = trace.one("payment-service", "PRODUCER", "payment.events publish"::equals);
		trace.assertDescends(replied, charged);
		Span reply = trace.one("order-service", "CONSUMER", "payment.authorized process"::equals);
		assertThat(reply.parentId()).isEqualTo(replied.id());
		Span confirmed = trace.one("order-service", "PRODUCER", "order.events publish"::equals);
		trace.assertDescends(confirmed, reply);
		assertThat(trace.one("shipping-service", "CONSUMER", "order.confirmed process"::equals).parentId())
			.isEqualTo(confirmed.id());
		Span notified = trace.one("notification-service", "CONSUMER", "order.confirmed process"::equals);
		assertThat(notified.parentId()).isEqualTo(confirmed.id());
		trace.assertDescends(trace.one("notification-service", "CLIENT", "smtp send"::equals), notified);
		// the SQL statements are spans of their own, with no repository or session spans
		// around them (the services store in plain SQL, and
		// otel.instrumentation.spring-data
		// and .hibernate are off in shop.d/jvm/common.args): a span per statement is
		// enough
		assertThat(trace.spans()).as("order-service's statements in the trace: %s", trace.spans())
			.anyMatch((span) -> span.service().equals("order-service") && span.kind().equals("CLIENT")
					&& span.name().startsWith("insert"))
			.noneMatch((span) -> span.name().startsWith("orders.") || span.name().startsWith("placeordersagas.")
					|| span.name().startsWith("session.") || span.name().equals("transaction.commit"));

		assertNoTraceStartsAtAPoll(zipkin, placedAt, traceId);

		// the same order in the logs of the system this suite runs: ./shop logs merges
		// them
		String orderId = placed.path("id");
		deployment.services().ifPresent((shop) -> {
			List<String> traced = shop.logs("--trace", traceId);
			assertThat(traced).as("./shop logs --trace %s", traceId)
				.anyMatch((line) -> line.contains(" order-service ") && line.contains(orderId + " is CONFIRMED"))
				.anyMatch((line) -> line.contains(" payment-service ") && line.contains(orderId))
				.anyMatch((line) -> line.contains(" shipping-service ") && line.contains(orderId))
				.anyMatch((line) -> line.contains(" notification-service "))
				.isSortedAccordingTo(Comparator.comparing((line) -> line.substring(0, 12)));
			List<String> ordered = shop.logs("--order", orderId);
			assertThat(ordered).as("./shop logs --order %s", orderId)
				.anyMatch((line) -> line.contains(" order-service "))
				.anyMatch((line) -> line.contains(" payment-service "))
				.anyMatch((line) -> line.contains(" shipping-service "))
				.allMatch((line) -> line.contains(orderId))
				.isSortedAccordingTo(Comparator.comparing((line) -> line.substring(0, 12)));
		});
	}

	/**
	 * The seconds since the order was placed, in which every outbox relay polled (woken
	 * by each commit that wrote a row, and every second), the notification sender polled
	 * every second and the saga sweeper every two, hold no trace that starts at such a
	 * poll: no scheduled job's span and no SELECT outside a request or a message (chassis
	 * {@code Untraced}). As traces of their own they filled the trace viewer with two
	 * spans per service and second at rest.
	 */
	private static void assertNoTraceStartsAtAPoll(URI zipkin, long since, String orderTrace) {
		long now = System.currentTimeMillis();
		Response response = RestAssured.given()
			.baseUri(zipkin.toString())
			.queryParam("endTs", now)
			.queryParam("lookback", now - since + 1_000)
			.queryParam("limit", 10_000)
			.get("/api/v2/traces");
		assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
		List<List<Map<String, Object>>> traces = response.jsonPath().getList("$");
		List<String> polls = traces.stream()
			.flatMap(List::stream)
			.filter((span) -> span.get("parentId") == null)
			.filter((span) -> span.get("kind") == null || startsWithSelect(span))
			.map((span) -> ((Map<?, ?>) span.get("localEndpoint")).get("serviceName") + " " + span.get("name") + " "
					+ span.get("tags"))
			.toList();
		assertThat(traces).as("the traces since the order was placed hold the order's")
			.anyMatch((trace) -> trace.stream().anyMatch((span) -> orderTrace.equals(span.get("traceId"))));
		assertThat(polls).as("traces that start at a scheduled job or a SELECT of its own").isEmpty();
	}

	private static boolean startsWithSelect(Map<String, Object> span) {
		Map<?, ?> tags = (Map<?, ?>) span.getOrDefault("tags", Map.of());
		Object query = (tags.get("db.query.text") != null) ? tags.get("db.query.text") : tags.get("db.statement");
		return query != null && query.toString().strip().toLowerCase().startsWith("select")
				&& !query.toString().contains("flyway_schema_history");
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		do {
			ThreadLocalRandom.current().nextBytes(bytes);
		}
		while (bytes[0] == 0);
		return bytes;
	}

	/** One span as the Zipkin API gives it. */
	record Span(String id, String parentId, String service, String kind, String name) {
	}

	/** The spans of one trace. */
	record Trace(List<Span> spans) {

		static Trace read(URI zipkin, String traceId) {
			Response response = RestAssured.given().baseUri(zipkin.toString()).get("/api/v2/trace/" + traceId);
			if (response.statusCode() == 404) {
				return new Trace(List.of());
			}
			assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
			List<Map<String, Object>> spans = response.jsonPath().getList("$");
			return new Trace(spans.stream()
				.map((span) -> new Span(String.valueOf(span.get("id")), String.valueOf(span.get("parentId")),
						String.valueOf(((Map<?, ?>) span.get("localEndpoint")).get("serviceName")),
						String.valueOf(span.get("kind")), String.valueOf(span.get("name"))))
				.toList());
		}

		Optional<Span> find(String service, String kind, String name) {
			return this.spans.stream()
				.filter((span) -> span.service().equals(service) && span.kind().equals(kind)
						&& span.name().equals(name))
				.findFirst();
		}

		Span one(String service, String kind, Predicate<String> name) {
			List<Span> matching = this.spans.stream()
				.filter((span) -> span.service().equals(service) && span.kind().equals(kind) && name.test(span.name()))
				.toList();
			assertThat(matching).as("a %s span of %s in the trace: %s", kind, service, summary()).hasSize(1);
			return matching.get(0);
		}

		void assertDescends(Span child, Span ancestor) {
			Span current = child;
			for (int hops = 0; hops < this.spans.size(); hops++) {
				String parent = current.parentId();
				if (parent.equals(ancestor.id())) {
					return;
				}
				Optional<Span> up = this.spans.stream().filter((span) -> span.id().equals(parent)).findFirst();
				if (up.isEmpty()) {
					break;
				}
				current = up.get();
			}
			throw new AssertionError("%s/%s '%s' does not descend from %s/%s '%s' in the trace: %s".formatted(
					child.service(), child.kind(), child.name(), ancestor.service(), ancestor.kind(), ancestor.name(),
					summary()));
		}

		String summary() {
			return this.spans.stream()
				.filter((span) -> !"null".equals(span.kind()) && !span.kind().equals("CLIENT")
						|| span.name().equals("smtp send"))
				.map((span) -> span.service() + "/" + span.kind() + " " + span.name())
				.sorted()
				.toList()
				.toString();
		}

	}

}
