package dev.shopfront.user;

import java.util.Map;
import java.util.UUID;

import dev.shopfront.testsupport.JwtMinter;
import dev.shopfront.testsupport.ProblemAssertions;
import dev.shopfront.testsupport.WithTestServers;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.restassured.RestAssured.given;

/**
 * user-service on a random port against its own fresh database and virtual host, signing
 * with the test key so tests can mint expired tokens it would have signed. Every
 * integration test class extends this, so they share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "shopfront.user.bootstrap-admin.email=admin@test.local",
				"shopfront.user.bootstrap-admin.password=admin-password-123",
				"shopfront.user.service-clients.order-service.secret={noop}order-secret-123",
				"shopfront.user.login.free-attempts=3", "shopfront.user.login.free-attempts-per-email=6",
				"shopfront.user.login.first-delay=1s", "shopfront.user.verification.resend-after=2s" })
@WithTestServers
public abstract class UserServiceIntegrationTest {

	protected static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void signingKey(DynamicPropertyRegistry registry) {
		registry.add("shopfront.user.jwt.private-key", () -> JwtMinter.shared().privateKeyPem());
		registry.add("shopfront.user.jwt.key-id", () -> JwtMinter.shared().keyId());
	}

	protected RequestSpecification api() {
		return given().port(this.port).contentType(ContentType.JSON);
	}

	protected static String uniqueEmail() {
		return "user-" + UUID.randomUUID() + "@example.com";
	}

	protected String register(String email) {
		return api().body(Map.of("email", email, "password", PASSWORD, "fullName", "Test User"))
			.post("/api/users")
			.then()
			.statusCode(201)
			.extract()
			.path("id");
	}

	protected Map<String, Object> login(String email, String password) {
		return api().body(Map.of("email", email, "password", password))
			.post("/api/auth/token")
			.then()
			.statusCode(200)
			.extract()
			.as(Map.class);
	}

	protected String accessToken(String email) {
		return accessToken(email, PASSWORD);
	}

	protected String accessToken(String email, String password) {
		return (String) login(email, password).get("access_token");
	}

	protected static ValidatableResponse assertProblem(ValidatableResponse response, int status, String type) {
		return ProblemAssertions.assertProblem(response, status, type);
	}

}
