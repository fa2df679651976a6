package dev.shopfront.gateway.security;

import java.util.UUID;

import dev.shopfront.gateway.StubUpstream;
import dev.shopfront.testsupport.JwtMinter;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.shopfront.testsupport.ProblemAssertions.assertProblem;

/**
 * While the token issuer's key set cannot be fetched, requests with a token get a 503
 * problem (try again), not a 401 (your token is bad) or a 500.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "shopfront.chassis.logging.json=false")
class IssuerDownIntegrationTests {

	static final StubUpstream upstream = new StubUpstream();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		registry.add("shopfront.gateway.services.user-service", upstream::baseUrl);
		registry.add("shopfront.gateway.rate-limit.key-prefix", () -> "test-" + UUID.randomUUID() + ":");
		registry.add("shopfront.chassis.security.jwk-set-uri",
				() -> StubUpstream.nobodyListening() + "/.well-known/jwks.json");
	}

	@AfterAll
	static void stopUpstream() {
		upstream.close();
	}

	RequestSpecification given() {
		return RestAssured.given().baseUri("http://127.0.0.1").port(this.port);
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
