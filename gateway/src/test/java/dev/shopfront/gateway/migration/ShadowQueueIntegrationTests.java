package dev.shopfront.gateway.migration;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.shopfront.gateway.GatewayTest;
import dev.shopfront.gateway.StubUpstream;
import dev.shopfront.gateway.config.GatewayProperties;
import dev.shopfront.testsupport.JwtMinter;
import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slow service never slows the client in shadow mode: copies wait in a bounded queue
 * (one worker, one place here), and those that find it full are dropped and counted.
 */
class ShadowQueueIntegrationTests extends GatewayTest {

	static final StubUpstream legacy = new StubUpstream();

	static final StubUpstream service = new StubUpstream();

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
		registry.add("shopfront.gateway.migration.shadow-queue", () -> "1");
		registry.add("shopfront.gateway.migration.shadow-workers", () -> "1");
	}

	@AfterAll
	static void closeStubs() {
		legacy.close();
		service.close();
	}

	@Test
	void dropsAndCountsCopiesWhenTheQueueIsFullWithoutDelayingTheClient() {
		given().auth()
			.oauth2(JwtMinter.shared().admin())
			.contentType(ContentType.JSON)
			.body(Map.of("mode", "shadow"))
			.put("/admin/migration/routes/inventory-service")
			.then()
			.statusCode(200);
		service.delayAnswers(Duration.ofSeconds(3));
		long start = System.nanoTime();
		for (int i = 0; i < 6; i++) {
			given().auth()
				.oauth2(JwtMinter.shared().customer(UUID.randomUUID()))
				.get("/api/products/A")
				.then()
				.statusCode(200);
		}
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(legacy.received()).hasSize(6);
		assertThat(took).as("the clients did not wait for the 3 s service").isLessThan(Duration.ofSeconds(3));
		assertThat(this.meters.get("shopfront.gateway.shadow")
			.tags("route", "inventory-service", "result", "dropped")
			.counter()
			.count()).isGreaterThanOrEqualTo(3);
	}

}
