package dev.shopfront.e2e;

import java.util.Map;

import dev.shopfront.e2e.Api.Customer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's way through the account API: register, log in, read and change the
 * profile, refresh, and what happens when a spent refresh token comes back.
 */
@ExtendWith(ShopDeployment.class)
class AccountJourneyE2ETests {

	@Test
	void registerLogInReadAndChangeProfileRefreshAndReuseRevokesTheFamily() {
		String email = Api.uniqueEmail("journey");
		String password = Api.password();

		Response registered = Api.register(email, password, "Journey Customer");
		assertThat(registered.statusCode()).as(registered.asString()).isEqualTo(201);
		assertThat(registered.contentType()).startsWith("application/json");
		assertThat(registered.<String>path("email")).isEqualTo(email);
		assertThat(registered.header("Location")).contains("/api/users/");

		Response tokens = Api.login(email, password);
		assertThat(tokens.statusCode()).as(tokens.asString()).isEqualTo(200);
		assertThat(tokens.<String>path("token_type")).isEqualTo("Bearer");
		assertThat(tokens.<Integer>path("expires_in")).isPositive();
		String accessToken = tokens.path("access_token");
		String refreshToken = tokens.path("refresh_token");
		assertThat(accessToken).isNotBlank();
		assertThat(refreshToken).isNotBlank();

		Response me = Api.me(accessToken);
		assertThat(me.statusCode()).as(me.asString()).isEqualTo(200);
		assertThat(me.<String>path("email")).isEqualTo(email);
		assertThat(me.<String>path("fullName")).isEqualTo("Journey Customer");

		Response changed = Api.given()
			.auth()
			.oauth2(accessToken)
			.contentType(ContentType.JSON)
			.body(Map.of("fullName", "Journey Customer Renamed", "shippingAddress",
					Map.of("line1", "1 Test Street", "city", "Berlin", "postalCode", "10115", "country", "DE"),
					"preferences", Map.of("language", "de", "marketingEmails", true)))
			.patch("/api/users/me");
		assertThat(changed.statusCode()).as(changed.asString()).isEqualTo(200);
		assertThat(changed.<String>path("fullName")).isEqualTo("Journey Customer Renamed");
		Response reread = Api.me(accessToken);
		assertThat(reread.<String>path("fullName")).isEqualTo("Journey Customer Renamed");
		assertThat(reread.<String>path("shippingAddress.city")).isEqualTo("Berlin");
		assertThat(reread.<String>path("preferences.language")).isEqualTo("de");

		Response refreshed = Api.refresh(refreshToken);
		assertThat(refreshed.statusCode()).as(refreshed.asString()).isEqualTo(200);
		String newAccessToken = refreshed.path("access_token");
		String newRefreshToken = refreshed.path("refresh_token");
		assertThat(newRefreshToken).isNotBlank().isNotEqualTo(refreshToken);
		assertThat(Api.me(newAccessToken).statusCode()).isEqualTo(200);

		// The spent refresh token comes back (stolen?): refused, and its whole family is
		// revoked,
		// so the newer refresh token stops working too.
		Problems.assertProblem(Api.refresh(refreshToken), 401, "invalid-refresh-token");
		Problems.assertProblem(Api.refresh(newRefreshToken), 401, "invalid-refresh-token");
	}

	@Test
	void theSameAnswerForAWrongPasswordAndAnUnknownEmail() {
		Customer customer = Api.newCustomer("credentials");

		String wrongPassword = Problems
			.assertProblem(Api.login(customer.email(), customer.password() + "x"), 401, "invalid-credentials")
			.getString("detail");
		String unknownEmail = Problems
			.assertProblem(Api.login(Api.uniqueEmail("nobody"), customer.password()), 401, "invalid-credentials")
			.getString("detail");

		assertThat(unknownEmail).isEqualTo(wrongPassword);
	}

	@Test
	void anEmailIsRegisteredOnlyOnce() {
		Customer customer = Api.newCustomer("duplicate");

		Problems.assertProblem(Api.register(customer.email(), Api.password(), "Someone Else"), 409, "email-taken");
	}

	@Test
	void loggingOutAndChangingThePasswordEndSessions() {
		Customer customer = Api.newCustomer("sessions");
		Response other = Api.login(customer.email(), customer.password());
		assertThat(other.statusCode()).as(other.asString()).isEqualTo(200);

		Response logout = Api.given()
			.contentType(ContentType.JSON)
			.body(Map.of("refresh_token", customer.refreshToken()))
			.post("/api/auth/logout");
		assertThat(logout.statusCode()).as(logout.asString()).isEqualTo(204);
		Problems.assertProblem(Api.refresh(customer.refreshToken()), 401, "invalid-refresh-token");

		String newPassword = Api.password();
		Response changed = customer.authorized()
			.contentType(ContentType.JSON)
			.body(Map.of("currentPassword", customer.password(), "newPassword", newPassword))
			.post("/api/users/me/password");
		assertThat(changed.statusCode()).as(changed.asString()).isEqualTo(204);
		Problems.assertProblem(Api.refresh(other.path("refresh_token")), 401, "invalid-refresh-token");
		Problems.assertProblem(Api.login(customer.email(), customer.password()), 401, "invalid-credentials");
		assertThat(Api.login(customer.email(), newPassword).statusCode()).isEqualTo(200);
	}

	@Test
	void guessesWithForgedClientAddressesAreStillSpacedOut() {
		Customer customer = Api.newCustomer("guesses");
		// a client claiming a new address with every guess: the gateway tells
		// user-service
		// the address it really sees
		for (int i = 0; i < 5; i++) {
			Problems.assertProblem(Api.given()
				.contentType(ContentType.JSON)
				.header("X-Forwarded-For", "203.0.113." + (i + 1))
				.body(Map.of("email", customer.email(), "password", "not the password " + i))
				.post("/api/auth/token"), 401, "invalid-credentials");
		}
		Response delayed = Api.given()
			.contentType(ContentType.JSON)
			.header("X-Forwarded-For", "198.51.100.77")
			.body(Map.of("email", customer.email(), "password", customer.password()))
			.post("/api/auth/token");
		Problems.assertProblem(delayed, 429, "login-throttled");
		assertThat(delayed.getHeader("Retry-After")).matches("[1-9][0-9]*");
	}

}
