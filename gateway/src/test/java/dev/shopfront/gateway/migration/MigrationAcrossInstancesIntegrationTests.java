package dev.shopfront.gateway.migration;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.shopfront.gateway.GatewayApplication;
import dev.shopfront.testsupport.JwtMinter;
import dev.shopfront.testsupport.TestJwks;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway instances share one Redis: a mode changed through either is followed by the
 * other within its refresh, without a restart.
 */
class MigrationAcrossInstancesIntegrationTests extends MigrationTest {

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
		change(instance, Map.of("mode", mode)).then().statusCode(200);
	}

	private static void read(RequestSpecification instance) {
		instance.auth()
			.oauth2(JwtMinter.shared().customer(UUID.randomUUID()))
			.get("/api/products/MUG-CLASSIC")
			.then()
			.statusCode(200);
	}

}
