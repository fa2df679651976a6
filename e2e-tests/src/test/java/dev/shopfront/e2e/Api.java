package dev.shopfront.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The public API as the suite uses it, and fresh customers to use it with.
 */
final class Api {

	private Api() {
	}

	/**
	 * A registered customer with a fresh token pair.
	 *
	 * @param email e-mail
	 * @param password password
	 * @param accessToken the access token
	 * @param refreshToken the refresh token
	 */
	record Customer(String email, String password, String accessToken, String refreshToken) {

		RequestSpecification authorized() {
			return given().auth().oauth2(this.accessToken);
		}

	}

	static RequestSpecification given() {
		return RestAssured.given().accept(ContentType.JSON);
	}

	/**
	 * An e-mail no run has used before: the suite can run against a long-lived
	 * deployment.
	 */
	static String uniqueEmail(String tag) {
		return "e2e-" + tag + "-" + UUID.randomUUID().toString().substring(0, 12) + "@e2e.shopfront.example";
	}

	static String password() {
		return "E2e-" + UUID.randomUUID().toString().substring(0, 18);
	}

	static Response register(String email, String password, String fullName) {
		return given().contentType(ContentType.JSON)
			.body(Map.of("email", email, "password", password, "fullName", fullName))
			.post("/api/users");
	}

	private static Response tryLogin(String email, String password) {
		return given().contentType(ContentType.JSON)
			.body(Map.of("email", email, "password", password))
			.post("/api/auth/token");
	}

	/**
	 * Logs in, and when the gateway's login limit per client address answers 429
	 * {@code rate-limited} (30 a minute by default, which this suite creating customers
	 * quickly can reach against a fast deployment), logs in again once the
	 * {@code Retry-After} it gives has passed. user-service's own {@code login-throttled}
	 * is returned as it is.
	 */
	static Response login(String email, String password) {
		Response first = tryLogin(email, password);
		String retryAfter = first.header("Retry-After");
		if (first.statusCode() != 429 || !first.asString().contains("/problems/rate-limited") || retryAfter == null
				|| !retryAfter.matches("\\d{1,3}")) {
			return first;
		}
		Duration wait = Duration.ofSeconds(Long.parseLong(retryAfter));
		AtomicReference<Response> again = new AtomicReference<>(first);
		await().pollDelay(wait).pollInterval(Duration.ofSeconds(5)).atMost(wait.plusMinutes(2)).until(() -> {
			again.set(tryLogin(email, password));
			return again.get().statusCode() != 429;
		});
		return again.get();
	}

	static Response refresh(String refreshToken) {
		return given().contentType(ContentType.JSON)
			.body(Map.of("refresh_token", refreshToken))
			.post("/api/auth/refresh");
	}

	static Response me(String accessToken) {
		return given().auth().oauth2(accessToken).get("/api/users/me");
	}

	/** Registers a customer and logs in. */
	static Customer newCustomer(String tag) {
		String email = uniqueEmail(tag);
		String password = password();
		Response registered = register(email, password, "E2E " + tag);
		assertThat(registered.statusCode()).as("register %s: %s", email, registered.asString()).isEqualTo(201);
		Response tokens = login(email, password);
		assertThat(tokens.statusCode()).as("login %s: %s", email, tokens.asString()).isEqualTo(200);
		return new Customer(email, password, tokens.path("access_token"), tokens.path("refresh_token"));
	}

}
