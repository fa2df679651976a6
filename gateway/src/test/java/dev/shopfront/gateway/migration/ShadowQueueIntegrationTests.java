package dev.shopfront.gateway.migration;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.shopfront.testsupport.JwtMinter;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slow service never slows the client in shadow mode: copies wait in a bounded queue
 * (one worker, one place here), and those that find it full are dropped and counted.
 */
class ShadowQueueIntegrationTests extends MigrationTest {

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		registry.add("shopfront.gateway.migration.shadow-queue", () -> "1");
		registry.add("shopfront.gateway.migration.shadow-workers", () -> "1");
	}

	@Test
	void dropsAndCountsCopiesWhenTheQueueIsFullWithoutDelayingTheClient() {
		change(given(), Map.of("mode", "shadow")).then().statusCode(200);
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
