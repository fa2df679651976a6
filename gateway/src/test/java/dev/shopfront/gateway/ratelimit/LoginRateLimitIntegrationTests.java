package dev.shopfront.gateway.ratelimit;

import java.util.UUID;

import dev.shopfront.gateway.StubUpstream;
import dev.shopfront.testsupport.TestJwks;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.shopfront.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logins are limited per client IP and e-mail (3 here) and per client IP whatever the
 * e-mail (6 here), before they reach user-service; the body goes on unchanged.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "shopfront.chassis.logging.json=false")
class LoginRateLimitIntegrationTests {

	static final StubUpstream upstream = new StubUpstream();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		registry.add("shopfront.gateway.services.user-service", upstream::baseUrl);
		registry.add("shopfront.gateway.rate-limit.login.per-ip", () -> "6");
		registry.add("shopfront.gateway.rate-limit.login.per-ip-and-email", () -> "3");
		registry.add("shopfront.gateway.rate-limit.key-prefix", () -> "test-" + UUID.randomUUID() + ":");
		registry.add("shopfront.chassis.security.jwk-set-uri", () -> TestJwks.get().uri().toString());
	}

	@AfterAll
	static void stopUpstream() {
		upstream.close();
	}

	@Test
	void limitsGuessesPerAddressAndEmailAndPerAddress() {
		String alice = "{\"email\":\"alice@example.com\",\"password\":\"guess number %d\"}";
		for (int i = 1; i <= 3; i++) {
			assertThat(login(alice.formatted(i)).statusCode()).isEqualTo(201);
			assertThat(upstream.last().body()).isEqualTo(alice.formatted(i));
		}
		upstream.clear();
		// the same address however it is written
		Response limited = login("{\"email\":\" Alice@Example.COM \",\"password\":\"guess number 4\"}");
		assertProblem(limited.then(), 429, "rate-limited");
		assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
		assertThat(upstream.received()).isEmpty();

		// another e-mail from the same address: until the per-address limit (6 in all)
		assertThat(login("{\"email\":\"bob@example.com\",\"password\":\"x\"}").statusCode()).isEqualTo(201);
		assertThat(login("{\"email\":\"carol@example.com\",\"password\":\"x\"}").statusCode()).isEqualTo(201);
		upstream.clear();
		assertProblem(login("{\"email\":\"dave@example.com\",\"password\":\"x\"}").then(), 429, "rate-limited");
		assertProblem(login("not json").then(), 429, "rate-limited");
		assertThat(upstream.received()).isEmpty();
	}

	private Response login(String body) {
		return RestAssured.given()
			.baseUri("http://127.0.0.1")
			.port(this.port)
			.contentType(ContentType.JSON)
			.body(body)
			.post("/api/auth/token");
	}

}
