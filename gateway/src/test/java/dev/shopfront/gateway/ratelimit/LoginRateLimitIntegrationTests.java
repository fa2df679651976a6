package dev.shopfront.gateway.ratelimit;

import dev.shopfront.gateway.GatewayTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.shopfront.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logins are limited per client IP and e-mail (3 here) and per client IP whatever the
 * e-mail (6 here), before they reach user-service; the body goes on unchanged.
 */
class LoginRateLimitIntegrationTests extends GatewayTest {

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		registry.add(KEYS, TEST_KEYS);
		registry.add("shopfront.gateway.rate-limit.login.per-ip", () -> "6");
		registry.add("shopfront.gateway.rate-limit.login.per-ip-and-email", () -> "3");
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
