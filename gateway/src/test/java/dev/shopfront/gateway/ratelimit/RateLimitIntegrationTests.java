package dev.shopfront.gateway.ratelimit;

import java.util.UUID;

import dev.shopfront.gateway.GatewayTest;
import dev.shopfront.testsupport.JwtMinter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.shopfront.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With tiny limits (3 requests per user, 8 per client IP), the request over a limit gets
 * a 429 problem with {@code Retry-After} and never reaches the service.
 */
class RateLimitIntegrationTests extends GatewayTest {

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		registry.add(KEYS, TEST_KEYS);
		registry.add("shopfront.gateway.rate-limit.per-user", () -> "3");
		registry.add("shopfront.gateway.rate-limit.per-ip", () -> "8");
	}

	@Test
	void limitsEachUserAndThenEachClientIp() {
		String alice = JwtMinter.shared().customer(UUID.randomUUID());
		String bob = JwtMinter.shared().customer(UUID.randomUUID());

		// Alice: 3 requests, the user limit announced as it runs down; the 4th is
		// refused.
		for (int expected = 2; expected >= 0; expected--) {
			Response response = given().auth().oauth2(alice).get("/api/users/me");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(expected));
		}
		upstream.clear();
		Response limited = given().auth().oauth2(alice).get("/api/users/me");
		assertProblem(limited.then(), 429, "rate-limited");
		assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
		assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
		assertThat(upstream.received()).isEmpty();

		// Bob has his own user allowance, but the IP has used 4 of its 8 already.
		for (int i = 0; i < 3; i++) {
			assertThat(given().auth().oauth2(bob).get("/api/users/me").statusCode()).isEqualTo(200);
		}
		// 7 of 8: one more for anyone from this IP, token or not, then 429 before the
		// token is even looked at.
		assertThat(given().contentType(ContentType.JSON).body("{}").post("/api/auth/token").statusCode())
			.isEqualTo(201);
		upstream.clear();
		Response ipLimited = given().contentType(ContentType.JSON).body("{}").post("/api/auth/token");
		assertProblem(ipLimited.then(), 429, "rate-limited");
		assertThat(ipLimited.header("Retry-After")).isNotBlank();
		assertProblem(given().auth().oauth2("not-even-a-token").get("/api/users/me").then(), 429, "rate-limited");
		assertThat(upstream.received()).isEmpty();

		// The gateway's probes are not limited, and its metrics count the refusals.
		management().get("/actuator/health/liveness").then().statusCode(200);
		String metrics = management().get("/actuator/prometheus").then().statusCode(200).extract().asString();
		assertThat(metrics)
			.containsPattern("shopfront_gateway_rate_limit_refused_total\\{[^}]*limit=\"user\"[^}]*\\} 1\\.0")
			.containsPattern("shopfront_gateway_rate_limit_refused_total\\{[^}]*limit=\"ip\"[^}]*\\} 2\\.0");
	}

}
