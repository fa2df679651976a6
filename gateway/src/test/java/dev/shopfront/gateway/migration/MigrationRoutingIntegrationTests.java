package dev.shopfront.gateway.migration;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.shopfront.gateway.GatewayTest;
import dev.shopfront.gateway.StubUpstream;
import dev.shopfront.gateway.config.GatewayProperties;
import dev.shopfront.testsupport.JwtMinter;
import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A route on its way off a legacy application, against real Redis: the catalog route
 * ({@code inventory-service}) with a stand-in legacy application and a stand-in service.
 * Modes change at run time through the ADMIN API and are audited; a canary is sticky and
 * honest; shadow mode answers from the legacy application and compares off the client's
 * path; a rollback takes effect on the next request.
 */
class MigrationRoutingIntegrationTests extends GatewayTest {

	static final StubUpstream legacy = new StubUpstream();

	static final StubUpstream service = new StubUpstream();

	static final String ROUTE = "inventory-service";

	@Autowired
	MeterRegistry meters;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	GatewayProperties gateway;

	@AfterEach
	void forgetTheModes() {
		MigrationRoutingIntegrationTests.forgetModes(this.redis, this.gateway);
	}

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		registry.add(KEYS, TEST_KEYS);
		registry.add("shopfront.gateway.services.inventory-service", service::baseUrl);
		registry.add("shopfront.gateway.migration.routes.inventory-service.legacy-uri", legacy::baseUrl);
		registry.add("shopfront.gateway.migration.routes.inventory-service.ignore-fields", () -> "at,id");
		registry.add("shopfront.gateway.rate-limit.per-ip", () -> "100000");
		registry.add("shopfront.gateway.rate-limit.per-user", () -> "100000");
	}

	@AfterAll
	static void closeStubs() {
		legacy.close();
		service.close();
	}

	@BeforeEach
	void startFromLegacy() {
		legacy.clear();
		service.clear();
		change(Map.of("mode", "legacy")).then().statusCode(200);
	}

	private Response change(Map<String, Object> mode) {
		return given().auth()
			.oauth2(JwtMinter.shared().admin())
			.contentType(ContentType.JSON)
			.body(mode)
			.put("/admin/migration/routes/" + ROUTE);
	}

	private Response read(String token) {
		return given().auth().oauth2(token).get("/api/products/MUG-CLASSIC");
	}

	private static String customer() {
		return JwtMinter.shared().customer(UUID.randomUUID());
	}

	@Test
	void sendsEverythingToTheLegacyApplicationUntilAnAdminMovesTheRoute() {
		read(customer()).then().statusCode(200);
		given().get("/api/products/MUG-CLASSIC").then().statusCode(200);
		assertThat(legacy.received()).hasSize(2);
		assertThat(service.received()).isEmpty();

		change(Map.of("mode", "service")).then().statusCode(200).body("mode", equalTo("service"));
		read(customer()).then().statusCode(200);
		assertThat(service.received()).hasSize(1);

		change(Map.of("mode", "legacy")).then().statusCode(200);
		read(customer()).then().statusCode(200);
		assertThat(legacy.received()).hasSize(3);
		assertThat(service.received()).as("rolled back at once").hasSize(1);
	}

	@Test
	void auditsEveryChangeWithWhoWhenAndFromWhatToWhat() {
		change(Map.of("mode", "canary", "percent", 5)).then().statusCode(200);
		change(Map.of("mode", "canary", "percent", 25)).then().statusCode(200);
		List<Map<String, Object>> audit = given().auth()
			.oauth2(JwtMinter.shared().admin())
			.get("/admin/migration/audit?limit=2")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath()
			.getList("");
		assertThat(audit).hasSize(2);
		assertThat(audit.get(0)).containsEntry("route", ROUTE)
			.containsEntry("from", "canary 5%")
			.containsEntry("to", "canary 25%")
			.containsKey("at");
		assertThat(audit.get(1)).containsEntry("from", "legacy").containsEntry("to", "canary 5%");
		assertThat((String) audit.get(0).get("by")).isNotBlank();
		given().auth()
			.oauth2(JwtMinter.shared().admin())
			.get("/admin/migration/routes/" + ROUTE)
			.then()
			.statusCode(200)
			.body("mode", equalTo("canary"))
			.body("percent", equalTo(25));
	}

	@Test
	void letsOnlyAdminsChangeModesAndRefusesNonsense() {
		given().auth()
			.oauth2(customer())
			.contentType(ContentType.JSON)
			.body(Map.of("mode", "service"))
			.put("/admin/migration/routes/" + ROUTE)
			.then()
			.statusCode(403);
		given().contentType(ContentType.JSON)
			.body(Map.of("mode", "service"))
			.put("/admin/migration/routes/" + ROUTE)
			.then()
			.statusCode(401);
		change(Map.of("mode", "canary")).then().statusCode(400).body("type", equalTo(problem("bad-request")));
		change(Map.of("mode", "service", "percent", 50)).then().statusCode(400);
		change(Map.of("mode", "canary", "percent", 101)).then()
			.statusCode(400)
			.body("type", equalTo(problem("validation")));
		change(Map.of("mode", "sideways")).then().statusCode(400);
		given().auth()
			.oauth2(JwtMinter.shared().admin())
			.contentType(ContentType.JSON)
			.body(Map.of("mode", "service"))
			.put("/admin/migration/routes/user-service")
			.then()
			.statusCode(404)
			.body("type", equalTo(problem("not-found")));
		read(customer()).then().statusCode(200);
		assertThat(service.received()).as("nothing moved").isEmpty();
	}

	@Test
	void aCanaryIsStickyAndSendsItsShareWithinTheBinomialRange() {
		change(Map.of("mode", "canary", "percent", 5)).then().statusCode(200);
		int users = 2000;
		List<String> tokens = new java.util.ArrayList<>();
		for (int i = 0; i < users; i++) {
			tokens.add(customer());
		}
		tokens.forEach((token) -> read(token).then().statusCode(200));
		// Users, not requests: an HTTP client may send an idempotent GET twice after a
		// dropped connection, and that is still one user on one side.
		java.util.Set<String> canaryUsers = users(service);
		java.util.Set<String> legacyUsers = users(legacy);
		int toService = canaryUsers.size();
		// n = 2000, p = 0.05: mean 100, standard deviation 9.75; 99.9 % of runs fall
		// within
		// 100 ± 3.29 × 9.75, that is 68 to 132.
		assertThat(toService).isBetween(68, 132);
		assertThat(legacyUsers).hasSize(users - toService).doesNotContainAnyElementsOf(canaryUsers);

		service.clear();
		legacy.clear();
		canaryUsers.forEach((authorization) -> given().header("Authorization", authorization)
			.get("/api/products/MUG-CLASSIC")
			.then()
			.statusCode(200));
		assertThat(users(service)).as("the same users stay on the service's side").isEqualTo(canaryUsers);
		assertThat(legacy.received()).isEmpty();

		change(Map.of("mode", "canary", "percent", 25)).then().statusCode(200);
		service.clear();
		canaryUsers.forEach((authorization) -> given().header("Authorization", authorization)
			.get("/api/products/MUG-CLASSIC")
			.then()
			.statusCode(200));
		assertThat(users(service)).as("a wider canary keeps the users it had").isEqualTo(canaryUsers);
	}

	@Test
	@SuppressWarnings("unchecked")
	void shadowAnswersFromTheLegacyApplicationAndComparesOffTheClientsPath() {
		legacy.answerWith("{\"sku\":\"MUG-CLASSIC\",\"price\":\"12.50\",\"at\":\"2026-12-06T10:00:00Z\"}");
		service.answerWith("{\"sku\":\"MUG-CLASSIC\",\"price\":\"12.50\",\"at\":\"2026-12-06T10:00:01Z\"}");
		change(Map.of("mode", "shadow")).then().statusCode(200);
		double matched = count("matched");
		double mismatched = count("mismatched");

		read(customer()).then().statusCode(200).body("at", equalTo("2026-12-06T10:00:00Z"));
		await().atMost(Duration.ofSeconds(10)).until(() -> count("matched") == matched + 1);
		assertThat(service.last().path()).isEqualTo("/api/products/MUG-CLASSIC");
		assertThat(service.last().header("Authorization")).startsWith("Bearer ");

		service.answerWith("{\"sku\":\"MUG-CLASSIC\",\"price\":\"13.00\",\"at\":\"2026-12-06T10:00:01Z\"}");
		read(customer()).then().statusCode(200).body("price", equalTo("12.50"));
		await().atMost(Duration.ofSeconds(10)).until(() -> count("mismatched") == mismatched + 1);
		List<Map<String, Object>> found = given().auth()
			.oauth2(JwtMinter.shared().admin())
			.get("/admin/migration/routes/" + ROUTE + "/mismatches")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath()
			.getList("");
		assertThat(found).isNotEmpty();
		assertThat(found.get(0)).containsEntry("target", "/api/products/MUG-CLASSIC")
			.containsEntry("legacyStatus", 200)
			.containsEntry("serviceStatus", 200);
		assertThat((List<Object>) found.get(0).get("differences")).containsExactly("/price: \"12.50\" != \"13.00\"");
		assertThat((String) found.get(0).get("serviceBody")).contains("13.00");
	}

	@Test
	void shadowNeverCopiesWritesUnlessTheRouteSaysSo() {
		change(Map.of("mode", "shadow")).then().statusCode(200);
		given().auth()
			.oauth2(JwtMinter.shared().admin())
			.contentType(ContentType.JSON)
			.body(Map.of("sku", "NEW-1"))
			.post("/api/products")
			.then()
			.statusCode(201);
		read(customer()).then().statusCode(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> !service.received().isEmpty());
		assertThat(legacy.received()).extracting(StubUpstream.Received::method).containsExactly("POST", "GET");
		assertThat(service.received()).extracting(StubUpstream.Received::method).containsExactly("GET");
	}

	@Test
	void measuresEachUpstreamSoACanaryCanBeJudged() {
		change(Map.of("mode", "service")).then().statusCode(200);
		read(customer()).then().statusCode(200);
		change(Map.of("mode", "legacy")).then().statusCode(200);
		read(customer()).then().statusCode(200);
		assertThat(this.meters.get("shopfront.gateway.upstream.requests")
			.tags("route", ROUTE, "upstream", "service", "outcome", "2xx")
			.timer()
			.count()).isPositive();
		assertThat(this.meters.get("shopfront.gateway.upstream.requests")
			.tags("route", ROUTE, "upstream", "legacy", "outcome", "2xx")
			.timer()
			.count()).isPositive();
	}

	/**
	 * Deletes the modes and audit this test class left in Redis (they have no expiry).
	 */
	static void forgetModes(StringRedisTemplate redis, GatewayProperties gateway) {
		java.util.Set<String> keys = redis.keys(gateway.rateLimit().keyPrefix() + "migration:*");
		if (keys != null && !keys.isEmpty()) {
			redis.delete(keys);
		}
	}

	private static java.util.Set<String> users(StubUpstream side) {
		return side.received()
			.stream()
			.map((request) -> request.header("Authorization"))
			.collect(java.util.stream.Collectors.toSet());
	}

	private double count(String result) {
		var counter = this.meters.find("shopfront.gateway.shadow").tags("route", ROUTE, "result", result).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static String problem(String type) {
		return "https://shopfront.dev/problems/" + type;
	}

}
