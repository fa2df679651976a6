package dev.shopfront.gateway.security;

import java.util.UUID;

import dev.shopfront.gateway.GatewayTest;
import dev.shopfront.gateway.StubUpstream;
import dev.shopfront.testsupport.JwtMinter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.shopfront.testsupport.ProblemAssertions.assertProblem;

/**
 * While the token issuer's key set cannot be fetched, requests with a token get a 503
 * problem (try again), not a 401 (your token is bad) or a 500.
 */
class IssuerDownIntegrationTests extends GatewayTest {

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		registry.add(KEYS, () -> StubUpstream.nobodyListening() + "/.well-known/jwks.json");
	}

	@Test
	void answers503WhileTheKeysCannotBeFetched() {
		Response response = given().auth().oauth2(JwtMinter.shared().customer(UUID.randomUUID())).get("/api/users/me");
		assertProblem(response.then(), 503, "service-unavailable");
	}

	@Test
	void keepsThePublicEndpointsOpen() {
		given().contentType(ContentType.JSON).body("{}").post("/api/auth/token").then().statusCode(201);
	}

}
