package dev.shopfront.gateway.ratelimit;

import java.net.URI;
import java.util.UUID;

import dev.shopfront.gateway.StubUpstream;
import dev.shopfront.testsupport.JwtMinter;
import dev.shopfront.testsupport.TestJwks;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without Redis the gateway keeps serving (rate limits fail open, unannounced) but is not
 * ready.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "shopfront.chassis.logging.json=false")
class RedisDownIntegrationTests {

	static final StubUpstream upstream = new StubUpstream();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.port", () -> URI.create(StubUpstream.nobodyListening()).getPort());
		registry.add("shopfront.gateway.services.user-service", upstream::baseUrl);
		registry.add("shopfront.gateway.rate-limit.per-user", () -> "1");
		registry.add("shopfront.chassis.security.jwk-set-uri", () -> TestJwks.get().uri().toString());
	}

	@AfterAll
	static void stopUpstream() {
		upstream.close();
	}

	RequestSpecification given() {
		return RestAssured.given().baseUri("http://127.0.0.1").port(this.port);
	}

	/** The gateway's management port: probes and metrics, never on the public port. */
	RequestSpecification management() {
		return RestAssured.given().baseUri("http://127.0.0.1").port(this.managementPort);
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
