package dev.shopfront.chassis.web;

import java.util.UUID;

import dev.shopfront.testsupport.JwtMinter;
import dev.shopfront.testsupport.ProblemAssertions;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * When the issuer's key set cannot be fetched, a token cannot be checked either way: the
 * answer is a 503 problem the client can retry, not an empty 500 and not a 401 that would
 * send a user back to the login.
 */
@SpringBootTest(classes = ChassisTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "shopfront.chassis.security.jwk-set-uri=http://127.0.0.1:1/.well-known/jwks.json")
class IssuerDownTests {

	@LocalServerPort
	int port;

	@Test
	void answersServiceUnavailableWhenTokensCannotBeChecked() {
		ProblemAssertions
			.assertProblem(RestAssured.given()
				.port(this.port)
				.auth()
				.oauth2(JwtMinter.shared().customer(UUID.randomUUID()))
				.get("/test/admin")
				.then(), 503, "service-unavailable")
			.header("Retry-After", "5");
	}

}
