package dev.shopfront.user.account;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.shopfront.user.UserServiceIntegrationTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.shopfront.testsupport.ProblemAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

class AccountApiIntegrationTests extends UserServiceIntegrationTest {

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountManagement management;

	@Test
	void registersWithANormalizedEmailAndNeverShowsThePassword() {
		String email = uniqueEmail();
		api()
			.body(Map.of("email", "  " + email.toUpperCase() + " ", "password", PASSWORD, "fullName", "Alice",
					"shippingAddress",
					Map.of("line1", "Main St 1", "city", "Berlin", "postalCode", "10115", "country", "DE")))
			.post("/api/users")
			.then()
			.statusCode(201)
			.header("Location", org.hamcrest.Matchers.startsWith("/api/users/"))
			.body("email", equalTo(email))
			.body("role", equalTo("CUSTOMER"))
			.body("shippingAddress.city", equalTo("Berlin"))
			.body("$", not(org.hamcrest.Matchers.hasKey("password")))
			.body("$", not(org.hamcrest.Matchers.hasKey("passwordHash")));
		assertThat(this.accounts.findByEmail(email)).get()
			.satisfies((account) -> assertThat(account.passwordHash()).startsWith("{bcrypt}"));
	}

	@Test
	void rejectsAnEmailThatIsTakenWhateverItsCase() {
		String email = uniqueEmail();
		register(email);
		assertProblem(api().body(Map.of("email", email.toUpperCase(), "password", PASSWORD, "fullName", "Again"))
			.post("/api/users")
			.then(), 409, "email-taken");
	}

	@Test
	void listsEveryInvalidFieldOfARegistration() {
		assertProblem(api().body(Map.of("email", "not-an-email", "password", "short", "fullName", ""))
			.post("/api/users")
			.then(), 400, "validation").body("errors.field", containsInAnyOrder("email", "password", "fullName"));
	}

	@Test
	void enforcesThePasswordPolicyBeyondLength() {
		String email = uniqueEmail();
		assertInvalid(
				api().body(Map.of("email", email, "password", email, "fullName", "Alice")).post("/api/users").then(),
				"password");
	}

	@Test
	void namesAreOneLineOfTextEverywhere() {
		for (String name : List.of("Ada\nVisit http://evil.example", "Ada\r\nBcc: all@example.com", "A\u0000B",
				"evil\u202Egnp.exe")) {
			assertInvalid(api().body(Map.of("email", uniqueEmail(), "password", PASSWORD, "fullName", name))
				.post("/api/users")
				.then(), "fullName");
		}
		String email = uniqueEmail();
		register(email);
		String token = accessToken(email);
		assertInvalid(api().auth().oauth2(token).body(Map.of("fullName", "Two\nlines")).patch("/api/users/me").then(),
				"fullName");
		assertProblem(api().auth()
			.oauth2(token)
			.body(Map.of("shippingAddress",
					Map.of("line1", "Main St 1\nline", "city", "Berlin", "postalCode", "10115", "country", "DE")))
			.patch("/api/users/me")
			.then(), 400, "validation").body("errors[0].field", equalTo("shippingAddress.line1"));
		api().body(Map.of("email", uniqueEmail(), "password", PASSWORD, "fullName", "Zoë O'Brien-Ñúñez 王"))
			.post("/api/users")
			.then()
			.statusCode(201);
	}

	@Test
	void aPasswordLongerThanBcryptReadsIsRefusedWithAReason() {
		String tooLong = "pässwörd-".repeat(7) + "and more";
		assertThat(tooLong.length()).isLessThanOrEqualTo(128);
		assertInvalid(api().body(Map.of("email", uniqueEmail(), "password", tooLong, "fullName", "Alice"))
			.post("/api/users")
			.then(), "password").body("errors[0].message", org.hamcrest.Matchers.containsString("72 bytes"));
	}

	@Test
	void languageTagsAsLongAsBcp47AllowsAndNoLonger() {
		String email = uniqueEmail();
		register(email);
		String token = accessToken(email);
		api().auth()
			.oauth2(token)
			.body(Map.of("preferences", Map.of("language", "zh-Hant-TW")))
			.patch("/api/users/me")
			.then()
			.statusCode(200)
			.body("preferences.language", equalTo("zh-Hant-TW"));
		assertProblem(api().auth()
			.oauth2(token)
			.body(Map.of("preferences", Map.of("language", "en-abcdefgh-abcdefgh-abcdefgh-abcdefgh")))
			.patch("/api/users/me")
			.then(), 400, "validation").body("errors[0].field", equalTo("preferences.language"));
	}

	@Test
	void onlyATakenEmailIsReportedAsOneNotAnyOtherIntegrityError() {
		// a name longer than its column, as a gap in validation would let through
		var registration = new AccountManagement.Registration(uniqueEmail(), PASSWORD, "x".repeat(201), null);
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> this.management.register(registration))
			.isNotInstanceOf(EmailTakenException.class);
	}

	@Test
	void answersBadBodiesWithProblemsNotServerErrors() {
		assertProblem(api().body("{\"email\": ").post("/api/users").then(), 400, "malformed-request");
		assertInvalid(api().body(Map.of("email", uniqueEmail(), "password", PASSWORD, "fullName", "A", "admin", true))
			.post("/api/users")
			.then(), "admin");
		assertInvalid(api().body(Map.of("email", uniqueEmail(), "password", PASSWORD, "fullName", List.of("A")))
			.post("/api/users")
			.then(), "fullName");
		assertProblem(api().contentType("text/plain").body("hello").post("/api/users").then(), 415,
				"unsupported-media-type");
		String email = uniqueEmail();
		register(email);
		assertProblem(api().auth().oauth2(accessToken(email)).delete("/api/users/me").then(), 405,
				"method-not-allowed");
		assertProblem(api().body("").post("/api/users").then(), 400, "malformed-request");
	}

	@Test
	void refusesOversizedBodiesDeclaredOrChunked() {
		String huge = "{\"email\":\"" + "a".repeat(1_100_000) + "\"}";
		assertProblem(api().body(huge).post("/api/users").then(), 413, "payload-too-large");
		// a stream body is sent chunked, without Content-Length
		assertProblem(api().body(new java.io.ByteArrayInputStream(huge.getBytes())).post("/api/users").then(), 413,
				"payload-too-large");
	}

	@Test
	void showsAndChangesTheOwnProfile() {
		String email = uniqueEmail();
		register(email);
		String token = accessToken(email);
		String etag = api().auth()
			.oauth2(token)
			.get("/api/users/me")
			.then()
			.statusCode(200)
			.body("email", equalTo(email))
			.body("preferences.language", equalTo("en"))
			.extract()
			.header("ETag");
		assertAliceInParisSpeaksFrench(api().auth()
			.oauth2(token)
			.header("If-Match", etag)
			.body(Map.of("fullName", "Alice Changed", "shippingAddress",
					Map.of("line1", "Elm St 2", "city", "Paris", "postalCode", "75001", "country", "FR"), "preferences",
					Map.of("language", "fr")))
			.patch("/api/users/me")
			.then()
			.statusCode(200)
			.body("preferences.marketingEmails", equalTo(false)));
		assertAliceInParisSpeaksFrench(api().auth()
			.oauth2(token)
			.body("{\"preferences\": {\"marketingEmails\": true}}")
			.patch("/api/users/me")
			.then()
			.statusCode(200)
			.body("preferences.marketingEmails", equalTo(true)));
		api().auth()
			.oauth2(token)
			.body("{\"shippingAddress\": null}")
			.patch("/api/users/me")
			.then()
			.statusCode(200)
			.body("shippingAddress", nullValue())
			.body("fullName", equalTo("Alice Changed"));
	}

	/** A partial change keeps what it does not name. */
	private static void assertAliceInParisSpeaksFrench(ValidatableResponse profile) {
		profile.body("fullName", equalTo("Alice Changed"))
			.body("shippingAddress.city", equalTo("Paris"))
			.body("preferences.language", equalTo("fr"));
	}

	@Test
	void aChangeThatNamesNothingWritesAndAnnouncesNothing() {
		String email = uniqueEmail();
		String id = register(email);
		String token = accessToken(email);
		String etag = api().auth().oauth2(token).get("/api/users/me").then().extract().header("ETag");
		api().auth()
			.oauth2(token)
			.header("If-Match", etag)
			.body("{}")
			.patch("/api/users/me")
			.then()
			.statusCode(200)
			.header("ETag", equalTo(etag));
		assertThat(this.jdbc.sql("select count(*) from outbox where subject = ? and type = 'user.updated'")
			.param(id)
			.query(Integer.class)
			.single()).isZero();
		api().auth().oauth2(token).body(Map.of("fullName", "Named")).patch("/api/users/me").then().statusCode(200);
		assertThat(api().auth().oauth2(token).get("/api/users/me").then().extract().header("ETag")).isNotEqualTo(etag);
		assertThat(this.jdbc.sql("select count(*) from outbox where subject = ? and type = 'user.updated'")
			.param(id)
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void refusesAProfileChangeBasedOnAnOldVersion() {
		String email = uniqueEmail();
		register(email);
		String token = accessToken(email);
		String etag = api().auth().oauth2(token).get("/api/users/me").then().extract().header("ETag");
		api().auth().oauth2(token).body(Map.of("fullName", "First")).patch("/api/users/me").then().statusCode(200);
		assertProblem(api().auth()
			.oauth2(token)
			.header("If-Match", etag)
			.body(Map.of("fullName", "Second"))
			.patch("/api/users/me")
			.then(), 412, "precondition-failed");
		assertProblem(api().auth()
			.oauth2(token)
			.body(Map.of("shippingAddress", Map.of("line1", "x", "city", "y", "postalCode", "1", "country", "germany")))
			.patch("/api/users/me")
			.then(), 400, "validation").body("errors.field", hasItem("shippingAddress.country"));
	}

	@Test
	void optimisticLockingStopsALostUpdate() {
		String email = uniqueEmail();
		UUID id = UUID.fromString(register(email));
		Account stale = this.accounts.findById(id).orElseThrow();
		this.management.changeProfile(id, new AccountManagement.ProfileChange("Newer", null, null, null), null);
		stale.rename("Lost update", java.time.Instant.now());
		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> this.accounts.update(stale));
		assertThat(this.management.find(id).fullName()).isEqualTo("Newer");
	}

	@Test
	void letsOnlyAdminsAndServicesReadAccountsById() {
		String email = uniqueEmail();
		String id = register(email);
		assertProblem(api().auth().oauth2(accessToken(email)).get("/api/users/" + id).then(), 403, "forbidden");
		String admin = (String) login("admin@test.local", "admin-password-123").get("access_token");
		api().auth().oauth2(admin).get("/api/users/" + id).then().statusCode(200).body("email", equalTo(email));
		assertProblem(api().auth().oauth2(admin).get("/api/users/" + UUID.randomUUID()).then(), 404, "not-found");
		String service = given().port(this.port)
			.auth()
			.preemptive()
			.basic("order-service", "order-secret-123")
			.formParam("grant_type", "client_credentials")
			.post("/oauth2/token")
			.then()
			.statusCode(200)
			.body("token_type", equalTo("Bearer"))
			.extract()
			.path("access_token");
		api().auth().oauth2(service).get("/api/users/" + id).then().statusCode(200);
		assertProblem(api().auth().oauth2(service).get("/api/users/me").then(), 403, "forbidden");
	}

	@Test
	void refusesUnknownServiceClientsAndWrongSecrets() {
		assertProblem(given().port(this.port)
			.auth()
			.preemptive()
			.basic("order-service", "wrong")
			.formParam("grant_type", "client_credentials")
			.post("/oauth2/token")
			.then(), 401, "invalid-client");
		assertProblem(given().port(this.port)
			.formParam("grant_type", "client_credentials")
			.formParam("client_id", "nobody")
			.formParam("client_secret", "order-secret-123")
			.post("/oauth2/token")
			.then(), 401, "invalid-client");
		assertProblem(given().port(this.port)
			.auth()
			.preemptive()
			.basic("order-service", "order-secret-123")
			.formParam("grant_type", "password")
			.post("/oauth2/token")
			.then(), 400, "unsupported-grant-type");
	}

	@Test
	void createsTheBootstrapAdministratorOnce() {
		this.management.ensureAdmin("ADMIN@test.local", "another-password-456", "Someone Else");
		assertThat(this.jdbc.sql("select count(*) from accounts where email = 'admin@test.local'")
			.query(Integer.class)
			.single()).as("one administrator").isOne();
		assertThat(this.accounts.findByEmail("admin@test.local")).get().satisfies((admin) -> {
			assertThat(admin.role()).isEqualTo(Role.ADMIN);
			assertThat(admin.fullName()).isEqualTo("Shop Administrator");
		});
		login("admin@test.local", "admin-password-123");
	}

	private static io.restassured.specification.RequestSpecification given() {
		return io.restassured.RestAssured.given();
	}

}
