package dev.shopfront.gateway.ratelimit;

import java.net.URI;
import java.util.UUID;

import dev.shopfront.gateway.GatewayTest;
import dev.shopfront.gateway.StubUpstream;
import dev.shopfront.testsupport.JwtMinter;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without Redis the gateway keeps serving (rate limits fail open, unannounced) but is not
 * ready.
 */
class RedisDownIntegrationTests extends GatewayTest {

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		registry.add(KEYS, TEST_KEYS);
		registry.add("spring.data.redis.port", () -> URI.create(StubUpstream.nobodyListening()).getPort());
		registry.add("shopfront.gateway.rate-limit.per-user", () -> "1");
	}

	@Test
	void servesUnlimitedWhileRedisIsDown() {
		String token = JwtMinter.shared().customer(UUID.randomUUID());
		for (int i = 0; i < 5; i++) {
			Response response = given().auth().oauth2(token).get("/api/users/me");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.header("X-RateLimit-Remaining")).isNull();
		}
		assertThat(management().get("/actuator/prometheus").asString())
			.containsPattern("shopfront_gateway_rate_limit_unchecked_total(\\{[^}]*\\})? [1-9]");
	}

	@Test
	void staysReadyWhileRedisIsDownBecauseLimitsFailOpen() {
		management().get("/actuator/health/readiness").then().statusCode(200);
		management().get("/actuator/health/liveness").then().statusCode(200);
	}

}
