package dev.shopfront.gateway.migration;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.shopfront.gateway.GatewayApplication;
import dev.shopfront.gateway.GatewayTest;
import dev.shopfront.gateway.StubUpstream;
import dev.shopfront.gateway.config.GatewayProperties;
import dev.shopfront.testsupport.JwtMinter;
import dev.shopfront.testsupport.TestJwks;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway instances share one Redis: a mode changed through either is followed by the
 * other within its refresh, without a restart.
 */
class MigrationAcrossInstancesIntegrationTests extends GatewayTest {

	static final StubUpstream legacy = new StubUpstream();

	static final StubUpstream service = new StubUpstream();

	@Autowired
	GatewayProperties gateway;

	@Autowired
	StringRedisTemplate redis;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		registry.add(KEYS, TEST_KEYS);
		registry.add("shopfront.gateway.services.inventory-service", service::baseUrl);
		registry.add("shopfront.gateway.migration.routes.inventory-service.legacy-uri", legacy::baseUrl);
	}

	@AfterAll
	static void closeStubs() {
		legacy.close();
		service.close();
	}

	@AfterEach
	void forgetTheModes() {
		MigrationRoutingIntegrationTests.forgetModes(this.redis, this.gateway);
	}

	@Test
	void aModeChangedThroughOneInstanceIsFollowedByTheOther() {
		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(GatewayApplication.class).run(
				"--server.port=0", "--management.server.port=0", "--shopfront.chassis.logging.json=false",
				"--shopfront.chassis.security.jwk-set-uri=" + TestJwks.get().uri(),
				"--shopfront.gateway.rate-limit.key-prefix=" + this.gateway.rateLimit().keyPrefix(),
				"--shopfront.gateway.services.inventory-service=" + service.baseUrl(),
				"--shopfront.gateway.migration.routes.inventory-service.legacy-uri=" + legacy.baseUrl())) {
			int otherPort = Integer.parseInt(other.getEnvironment().getRequiredProperty("local.server.port"));
			RequestSpecification second = RestAssured.given().baseUri("http://127.0.0.1").port(otherPort);

			put(given(), "service");
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				service.clear();
				read(RestAssured.given().baseUri("http://127.0.0.1").port(otherPort));
				assertThat(service.received()).as("the second instance sends the route to the service").hasSize(1);
			});

			put(second, "legacy");
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				legacy.clear();
				read(given());
				assertThat(legacy.received()).as("the first instance follows the rollback").hasSize(1);
			});
		}
	}

	private static void put(RequestSpecification instance, String mode) {
		instance.auth()
			.oauth2(JwtMinter.shared().admin())
			.contentType(ContentType.JSON)
			.body(Map.of("mode", mode))
			.put("/admin/migration/routes/inventory-service")
			.then()
			.statusCode(200);
	}

	private static void read(RequestSpecification instance) {
		instance.auth()
			.oauth2(JwtMinter.shared().customer(UUID.randomUUID()))
			.get("/api/products/MUG-CLASSIC")
			.then()
			.statusCode(200);
	}

}
