package dev.shopfront.gateway.migration;

import java.util.Map;
import java.util.UUID;

import dev.shopfront.gateway.GatewayTest;
import dev.shopfront.gateway.StubUpstream;
import dev.shopfront.gateway.config.GatewayProperties;
import dev.shopfront.testsupport.JwtMinter;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A route that moves its data, against real Redis: its writes stay on the legacy
 * application whatever the reads do, until an ADMIN cuts them over, which the gateway
 * allows only with all reads on the service and a reconciliation report of zero
 * difference (asked with the ADMIN's token); the rollback of writes is one call.
 */
class WritesCutOverIntegrationTests extends GatewayTest {

	static final StubUpstream legacy = new StubUpstream();

	static final StubUpstream service = new StubUpstream();

	static final StubUpstream reconciliation = new StubUpstream();

	static final String ROUTE = "inventory-service";

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	GatewayProperties gateway;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		registry.add(KEYS, TEST_KEYS);
		registry.add("shopfront.gateway.services.inventory-service", service::baseUrl);
		registry.add("shopfront.gateway.migration.routes.inventory-service.legacy-uri", legacy::baseUrl);
		registry.add("shopfront.gateway.migration.routes.inventory-service.sync-uri", reconciliation::baseUrl);
	}

	@AfterAll
	static void closeStubs() {
		legacy.close();
		service.close();
		reconciliation.close();
	}

	@BeforeEach
	void startFromLegacy() {
		legacy.clear();
		service.clear();
		reconciliation.clear();
		admin(Map.of("mode", "legacy"), "").then().statusCode(200);
	}

	@AfterEach
	void forgetTheModes() {
		MigrationRoutingIntegrationTests.forgetModes(this.redis, this.gateway);
	}

	private Response admin(Map<String, Object> body, String path) {
		return given().auth()
			.oauth2(JwtMinter.shared().admin())
			.contentType(ContentType.JSON)
			.body(body)
			.put("/admin/migration/routes/" + ROUTE + path);
	}

	private Response write() {
		return given().auth()
			.oauth2(JwtMinter.shared().admin())
			.contentType(ContentType.JSON)
			.body(Map.of("restock", 1))
			.patch("/api/products/MUG-CLASSIC");
	}

	private Response read() {
		return given().auth().oauth2(JwtMinter.shared().customer(UUID.randomUUID())).get("/api/products/MUG-CLASSIC");
	}

	@Test
	void writesStayOnTheLegacyApplicationWhileReadsMove() {
		given().auth()
			.oauth2(JwtMinter.shared().admin())
			.get("/admin/migration/routes/" + ROUTE)
			.then()
			.statusCode(200)
			.body("writes", equalTo("legacy"));
		admin(Map.of("mode", "service"), "").then().statusCode(200).body("writes", equalTo("legacy"));
		read().then().statusCode(200);
		write().then().statusCode(200);
		assertThat(service.received()).extracting(StubUpstream.Received::method).containsExactly("GET");
		assertThat(legacy.received()).extracting(StubUpstream.Received::method).containsExactly("PATCH");
	}

	@Test
	void refusesTheCutOverWhileReadsAreNotAllOnTheService() {
		admin(Map.of("mode", "canary", "percent", 50), "").then().statusCode(200);
		reconciliation.answerWith("{\"difference\":0}");
		admin(Map.of("to", "service"), "/writes").then()
			.statusCode(409)
			.contentType("application/problem+json")
			.body("type", equalTo("https://shopfront.dev/problems/cut-over-refused"))
			.body("detail", containsString("mode canary"));
		assertThat(reconciliation.received()).isEmpty();
	}

	@Test
	void refusesTheCutOverWhileTheReconciliationReportsADifference() {
		admin(Map.of("mode", "service"), "").then().statusCode(200);
		reconciliation.answerWith("{\"difference\":3,\"missing\":3}");
		admin(Map.of("to", "service"), "/writes").then()
			.statusCode(409)
			.body("type", equalTo("https://shopfront.dev/problems/cut-over-refused"))
			.body("detail", containsString("reports 3 rows"));
		// asked with the ADMIN's own token
		assertThat(reconciliation.last().path()).isEqualTo("/admin/reconciliation");
		assertThat(reconciliation.last().header("Authorization")).startsWith("Bearer ");
		write().then().statusCode(200);
		assertThat(legacy.received()).extracting(StubUpstream.Received::method).containsExactly("PATCH");
		assertThat(service.received()).isEmpty();
	}

	@Test
	void refusesTheCutOverWhenTheReconciliationCannotSay() {
		admin(Map.of("mode", "service"), "").then().statusCode(200);
		reconciliation.answerWith("{\"something\":\"else\"}");
		admin(Map.of("to", "service"), "/writes").then()
			.statusCode(409)
			.body("detail", containsString("no difference"));
	}

	@Test
	void cutsTheWritesOverAtZeroDifferenceAndRollsThemBackInOneCall() {
		admin(Map.of("mode", "service"), "").then().statusCode(200);
		reconciliation.answerWith("{\"difference\":0}");
		admin(Map.of("to", "service"), "/writes").then().statusCode(200).body("writes", equalTo("service"));
		write().then().statusCode(200);
		assertThat(service.received()).extracting(StubUpstream.Received::method).containsExactly("PATCH");

		admin(Map.of("to", "legacy"), "/writes").then().statusCode(200).body("writes", equalTo("legacy"));
		write().then().statusCode(200);
		assertThat(legacy.received()).extracting(StubUpstream.Received::method).containsExactly("PATCH");
		Map<String, Object> last = given().auth()
			.oauth2(JwtMinter.shared().admin())
			.get("/admin/migration/audit?limit=1")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath()
			.getMap("[0]");
		assertThat(last).containsEntry("from", "writes service").containsEntry("to", "writes legacy");
	}

	@Test
	void onlyAdminsCutOver() {
		given().auth()
			.oauth2(JwtMinter.shared().customer(UUID.randomUUID()))
			.contentType(ContentType.JSON)
			.body(Map.of("to", "service"))
			.put("/admin/migration/routes/" + ROUTE + "/writes")
			.then()
			.statusCode(403);
		admin(Map.of("to", "sideways"), "/writes").then().statusCode(400);
	}

}
