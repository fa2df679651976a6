package dev.shopfront.user.account;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shopfront.testsupport.EventSchemas;
import dev.shopfront.testsupport.PublishedEvents;
import dev.shopfront.user.UserServiceIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * What user-service publishes: {@code user.registered} and {@code user.updated} on
 * {@code user.events}, with the CloudEvents envelope in AMQP headers and data that the
 * schemas in docs/events/schemas/ accept.
 */
class UserEventsIntegrationTests extends UserServiceIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	ConnectionFactory connections;

	private PublishedEvents published;

	@BeforeEach
	void listen() {
		this.published = PublishedEvents.tap(this.connections, "user.events");
	}

	@AfterEach
	void stopListening() {
		this.published.close();
	}

	@Test
	void announcesRegistrationsAndProfileChangesAsTheSchemasSay() {
		String email = uniqueEmail();
		String id = register(email);
		JsonNode data = data(nth(1, id, "user.registered"));
		assertThat(data.get("userId").asText()).isEqualTo(id);
		assertThat(data.get("email").asText()).isEqualTo(email);
		assertThat(data.get("version").asLong()).isZero();
		assertThat(data.get("shippingAddress").isNull()).isTrue();
		assertThat(data.get("emailVerified").asBoolean()).isFalse();

		api().auth()
			.oauth2(accessToken(email))
			.body(Map.of("shippingAddress",
					Map.of("line1", "Main St 1", "city", "Berlin", "postalCode", "10115", "country", "DE")))
			.patch("/api/users/me")
			.then()
			.statusCode(200);
		JsonNode changed = data(nth(1, id, "user.updated"));
		assertThat(changed.get("version").asLong()).isOne();
		assertThat(changed.get("shippingAddress").get("city").asText()).isEqualTo("Berlin");
	}

	@Test
	void verifiesTheAddressWithTheCodeItSendsAndAnnouncesIt() {
		String email = uniqueEmail();
		String id = register(email);
		JsonNode verification = data(nth(1, id, "user.email-verification-requested"));
		assertThat(verification.get("email").asText()).isEqualTo(email);
		String token = verification.get("token").asText();
		String access = accessToken(email);
		api().auth().oauth2(access).get("/api/users/me").then().body("emailVerified", equalTo(false));

		assertProblem(api().body(Map.of("token", "not-the-code")).post("/api/users/verify-email").then(), 400,
				"invalid-verification-token");
		api().body(Map.of("token", token)).post("/api/users/verify-email").then().statusCode(204);
		api().auth().oauth2(access).get("/api/users/me").then().body("emailVerified", equalTo(true));
		JsonNode verified = data(nth(1, id, "user.updated"));
		assertThat(verified.get("emailVerified").asBoolean()).isTrue();
		assertThat(verified.get("version").asLong()).isOne();
		// a code is used once; a verified address needs no new one
		assertProblem(api().body(Map.of("token", token)).post("/api/users/verify-email").then(), 400,
				"invalid-verification-token");
		assertProblem(api().auth().oauth2(access).post("/api/users/me/verification-email").then(), 409,
				"email-already-verified");
	}

	@Test
	void aNewCodeEndsTheOldOneAndIsNotSentTwiceInAMoment() {
		String email = uniqueEmail();
		String id = register(email);
		String first = data(nth(1, id, "user.email-verification-requested")).get("token").asText();
		String access = accessToken(email);
		assertProblem(api().auth().oauth2(access).post("/api/users/me/verification-email").then(), 429,
				"verification-recently-sent")
			.header("Retry-After", org.hamcrest.Matchers.matchesPattern("\\d+"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api().auth().oauth2(access).post("/api/users/me/verification-email").statusCode() == 202);
		String second = data(nth(2, id, "user.email-verification-requested")).get("token").asText();
		assertThat(second).isNotEqualTo(first);
		assertProblem(api().body(Map.of("token", first)).post("/api/users/verify-email").then(), 400,
				"invalid-verification-token");
		api().body(Map.of("token", second)).post("/api/users/verify-email").then().statusCode(204);
	}

	@Test
	void theBootstrapAdministratorsAddressNeedsNoVerification() {
		String access = accessToken("admin@test.local", "admin-password-123");
		api().auth().oauth2(access).get("/api/users/me").then().body("emailVerified", equalTo(true));
	}

	@Test
	void theSchemasRefuseDataThatBreaksThem() {
		assertThat(EventSchemas.violations("user.registered", 1,
				"{\"userId\": \"not-a-uuid\", \"email\": \"x\", \"fullName\": \"\"}"))
			.isNotEmpty();
	}

	/** The n-th message (1 = first) of a type about a user, after waiting for it. */
	private Message nth(int n, String subject, String type) {
		return this.published.awaitAbout(subject, type, n, WAIT).get(n - 1);
	}

	private static JsonNode data(Message message) {
		return PublishedEvents.checkedData(message, "user-service", "userId");
	}

}
