package dev.shopfront.gateway;

import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.ArrayList;
import java.net.http.HttpResponse.BodyHandlers;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.shopfront.testsupport.JwtMinter;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.shopfront.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The gateway in front of a stand-in user-service: routing with headers, request ids and
 * trace context passed on, the token check, and its own errors as problems (401, 404,
 * 413, 503, 504).
 */
class GatewayIntegrationTests extends GatewayTest {

	private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		registry.add(KEYS, TEST_KEYS);
		registry.add("shopfront.gateway.routes.down.uri", StubUpstream::nobodyListening);
		registry.add("shopfront.gateway.routes.down.paths", () -> "/api/down/**");
		registry.add("shopfront.gateway.timeouts.read", () -> "700ms");
		registry.add("shopfront.gateway.routes.tomcat.uri", tomcat::baseUrl);
		registry.add("shopfront.gateway.routes.tomcat.paths", () -> "/api/tomcat/**");
	}

	static final TomcatUpstream tomcat = new TomcatUpstream();

	@AfterAll
	static void stopTomcat() throws Exception {
		tomcat.close();
	}

	RequestSpecification customer() {
		return given().auth().oauth2(JwtMinter.shared().customer(UUID.randomUUID()));
	}

	@Test
	void forwardsToTheServiceWithPathQueryAndHeaders() {
		String token = JwtMinter.shared().customer(UUID.randomUUID());
		Response response = given().auth()
			.oauth2(token)
			.header("Accept-Language", "de")
			.queryParam("page", "2")
			.get("/api/users/me");

		response.then().statusCode(200).header("X-Upstream", "stub").body("path", equalTo("/api/users/me"));
		StubUpstream.Received received = upstream.last();
		assertThat(received.method()).isEqualTo("GET");
		assertThat(received.path()).isEqualTo("/api/users/me");
		assertThat(received.query()).isEqualTo("page=2");
		assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
		assertThat(received.header("Accept-Language")).isEqualTo("de");
	}

	@Test
	void forwardsPublicRequestsWithTheirBody() {
		String body = "{\"email\":\"someone@example.com\"}";
		given().contentType(ContentType.JSON)
			.body(body)
			.post("/api/users")
			.then()
			.statusCode(201)
			.body("received", equalTo(body.length()));

		assertThat(upstream.last().body()).isEqualTo(body);
		assertThat(upstream.last().header("Authorization")).isNull();
	}

	@Test
	void servesTheKeySetOfTheIssuerWithoutAToken() {
		given().get("/.well-known/jwks.json").then().statusCode(200);

		assertThat(upstream.last().path()).isEqualTo("/.well-known/jwks.json");
	}

	@Test
	void addsARequestIdWhenMissing() {
		Response response = customer().get("/api/users/me");

		String id = response.then().statusCode(200).extract().header("X-Request-Id");
		assertThat(id).matches(UUID_PATTERN);
		assertThat(response.getHeaders().getValues("X-Request-Id")).containsExactly(id);
		assertThat(upstream.last().headers().get("X-Request-Id")).containsExactly(id);
	}

	@Test
	void keepsTheRequestIdOfTheClient() {
		Response response = customer().header("X-Request-Id", "client-42").get("/api/users/me");

		assertThat(response.getHeaders().getValues("X-Request-Id")).containsExactly("client-42");
		assertThat(upstream.last().headers().get("X-Request-Id")).containsExactly("client-42");
	}

	@Test
	void replacesAMalformedRequestId() {
		Response response = customer().header("X-Request-Id", "<script>").get("/api/users/me");

		assertThat(response.header("X-Request-Id")).matches(UUID_PATTERN);
		assertThat(upstream.last().header("X-Request-Id")).isEqualTo(response.header("X-Request-Id"));
	}

	@Test
	void tellsTheServiceTheClientsAddressAndNothingTheClientClaims() {
		customer().header("X-Forwarded-For", "203.0.113.7")
			.header("X-Real-IP", "203.0.113.8")
			.header("Forwarded", "for=203.0.113.9")
			.get("/api/users/me")
			.then()
			.statusCode(200);

		assertThat(upstream.last().headers().get("X-Forwarded-For")).containsExactly("127.0.0.1");
		assertThat(upstream.last().headers()).doesNotContainKeys("X-Real-IP", "Forwarded");
	}

	@Test
	void keepsItsConnectionsToAServiceOpenUnderConcurrentLoad() throws Exception {
		String token = JwtMinter.shared().customer(UUID.randomUUID());
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/tomcat/x"))
			.header("Authorization", "Bearer " + token)
			.build();
		int clients = 8;
		int requestsEach = 25;
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				statuses.add(pool.submit(() -> {
					int ok = 0;
					for (int i = 0; i < requestsEach; i++) {
						ok += (client.send(request, BodyHandlers.ofString()).statusCode() == 200) ? 1 : 0;
					}
					return ok;
				}));
			}
			for (Future<Integer> ok : statuses) {
				assertThat(ok.get()).isEqualTo(requestsEach);
			}
		}

		// At most one connection per concurrent request, each kept for the next: a new
		// connection per request or two costs both sides CPU and leaves ports in
		// TIME_WAIT.
		assertThat(tomcat.requests()).isEqualTo(clients * requestsEach);
		assertThat(tomcat.connections()).isLessThanOrEqualTo(clients);
	}

	@Test
	void keepsNoCookiesOfOneClientForTheNext() {
		upstream.answerWithHeader("Set-Cookie", "session=alice-only; Path=/");

		customer().get("/api/users/me").then().statusCode(200).header("Set-Cookie", "session=alice-only; Path=/");
		customer().get("/api/users/me").then().statusCode(200);

		assertThat(upstream.received()).hasSize(2)
			.allSatisfy((received) -> assertThat(received.header("Cookie")).isNull());
	}

	@Test
	void passesTheClientsAcceptEncodingAsItIs() {
		// RestAssured would ask for gzip and deflate itself
		RestAssuredConfig noEncodings = RestAssuredConfig.config()
			.decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

		customer().config(noEncodings)
			.header("Accept-Encoding", "identity")
			.get("/api/users/me")
			.then()
			.statusCode(200);
		assertThat(upstream.last().headers().get("Accept-Encoding")).containsExactly("identity");

		customer().config(noEncodings).get("/api/users/me").then().statusCode(200);
		assertThat(upstream.last().header("Accept-Encoding")).isNull();
	}

	@Test
	void passesTheTraceContextOn() {
		String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
		customer().header("traceparent", traceparent)
			.header("tracestate", "shop=1")
			.get("/api/users/me")
			.then()
			.statusCode(200);

		assertThat(upstream.last().header("traceparent")).isEqualTo(traceparent);
		assertThat(upstream.last().header("tracestate")).isEqualTo("shop=1");
	}

	@Test
	void answersItsOwnErrorsWithTheRequestId() {
		Response response = given().get("/api/users/me");

		assertProblem(response.then(), 401, "unauthorized");
		assertThat(response.header("X-Request-Id")).matches(UUID_PATTERN);
	}

	static Stream<Arguments> badTokens() {
		JwtMinter minter = JwtMinter.shared();
		String subject = UUID.randomUUID().toString();
		return Stream.of(Arguments.of("expired", minter.expired(subject, "CUSTOMER")),
				Arguments.of("wrongly signed", minter.wronglySigned(subject, "CUSTOMER")),
				Arguments.of("alg none", minter.algNone(subject, "CUSTOMER")),
				Arguments.of("other issuer", minter.tokenFrom("somebody-else", subject, "CUSTOMER")),
				Arguments.of("garbage", "not-a-token"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badTokens")
	void refusesBadTokensBeforeTheService(String kind, String token) {
		assertProblem(given().auth().oauth2(token).get("/api/users/me").then(), 401, "unauthorized");

		assertThat(upstream.received()).isEmpty();
	}

	@Test
	void refusesRequestsWithoutATokenOutsideThePublicEndpoints() {
		assertProblem(given().get("/api/users/me").then(), 401, "unauthorized");
		assertProblem(given().contentType(ContentType.JSON).body("{}").patch("/api/users/me").then(), 401,
				"unauthorized");
		assertProblem(given().get("/api/users").then(), 401, "unauthorized");

		assertThat(upstream.received()).isEmpty();
	}

	@Test
	void answers404ForPathsWithoutARoute() {
		assertProblem(customer().get("/api/nothing-here").then(), 404, "not-found");
		assertProblem(customer().get("/").then(), 404, "not-found");

		assertThat(upstream.received()).isEmpty();
	}

	@Test
	void neverRoutesInternalOrActuatorPathsOfTheServices() {
		for (String path : List.of("/internal/reservations", "/internal", "/actuator/env", "/actuator/loggers")) {
			assertProblem(customer().get(path).then(), 404, "not-found");
			assertProblem(customer().contentType(ContentType.JSON).body("{}").post(path).then(), 404, "not-found");
		}

		assertThat(upstream.received()).isEmpty();
	}

	@Test
	void doesNotLetPathTricksReachInternalPaths() throws Exception {
		String token = JwtMinter.shared().customer(UUID.randomUUID());
		try (HttpClient client = HttpClient.newHttpClient()) {
			for (String path : List.of("/api/users/../internal/x", "/api/users/%2e%2e/internal/x",
					"/api/users/..;/internal/x", "/api/users/..%5Cinternal/x", "/api/users/%2F..%2Finternal/x")) {
				HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
					.header("Authorization", "Bearer " + token)
					.build();
				HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

				assertThat(response.statusCode()).as(path).isIn(400, 404);
				assertThat(response.headers().firstValue("Content-Type")).as(path)
					.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
				assertThat(response.body()).as(path).contains("https://shopfront.dev/problems/");
			}
		}
		assertThat(upstream.received()).noneMatch((received) -> received.path().contains("internal"));
	}

	@Test
	void refusesBodiesOverTheCap() {
		String body = "{\"fullName\":\"" + "x".repeat(1024 * 1024) + "\"}";

		assertProblem(given().contentType(ContentType.JSON).body(body).post("/api/users").then(), 413,
				"payload-too-large");

		assertThat(upstream.received()).isEmpty();
	}

	@Test
	void refusesChunkedBodiesThatGrowOverTheCap() throws Exception {
		byte[] body = ("{\"fullName\":\"" + "x".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/users"))
			.header("Content-Type", "application/json")
			// No length given: the body goes chunked and is counted while it streams.
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();

		try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(response.body()).contains("https://shopfront.dev/problems/payload-too-large");
		}
	}

	@Test
	void answers503WhenTheServiceIsDown() {
		assertProblem(customer().get("/api/down/anything").then(), 503, "service-unavailable").header("Retry-After",
				"5");
	}

	@Test
	void refusesAQueryItCannotDecodeAsBadRequest() {
		assertProblem(customer().urlEncodingEnabled(false).get("/api/users/me?q=%FF").then(), 400, "bad-request");
		assertThat(upstream.received()).isEmpty();
	}

	@Test
	void answers504WhenTheServiceIsTooSlow() {
		assertProblem(customer().get("/api/users/slow").then(), 504, "gateway-timeout");
	}

	@Test
	void keepsItsOwnProbesAndMetricsOffThePublicPort() {
		management().get("/actuator/health/liveness").then().statusCode(200).body("status", equalTo("UP"));
		management().get("/actuator/health/readiness").then().statusCode(200).body("status", equalTo("UP"));
		management().get("/actuator/prometheus").then().statusCode(200);
		// nothing of it on the public port
		for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator/health/readiness")) {
			assertProblem(given().get(path).then(), 404, "not-found");
		}

		assertThat(upstream.received()).isEmpty();
	}

	@Test
	void timesEachRequestOnceByItsRouteAndNotAgainAsACallToTheService() {
		customer().get("/api/users/me").then().statusCode(200);

		String metrics = management().get("/actuator/prometheus").then().statusCode(200).extract().asString();
		assertThat(metrics).contains("http_server_requests_seconds_count{").doesNotContain("http_client_requests");
	}

	@Test
	void announcesTheRemainingRequests() {
		String token = JwtMinter.shared().customer(UUID.randomUUID());
		long first = Long.parseLong(given().auth().oauth2(token).get("/api/users/me").header("X-RateLimit-Remaining"));
		long second = Long.parseLong(given().auth().oauth2(token).get("/api/users/me").header("X-RateLimit-Remaining"));

		assertThat(first).isPositive();
		assertThat(second).isLessThan(first);
	}

}
