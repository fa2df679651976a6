package dev.shopfront.user.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.shopfront.testsupport.JwtMinter;
import dev.shopfront.user.UserServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import static dev.shopfront.testsupport.ProblemAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

class AuthApiIntegrationTests extends UserServiceIntegrationTest {

	private final JwtMinter minter = JwtMinter.shared();

	@Test
	void issuesSignedTokensThatTheJwksVerifies() throws Exception {
		String email = uniqueEmail();
		String id = register(email);
		Map<String, Object> tokens = login(email, PASSWORD);
		assertThat(tokens).containsEntry("token_type", "Bearer").containsEntry("expires_in", 900);
		assertThat((String) tokens.get("refresh_token")).hasSizeGreaterThan(40);

		SignedJWT jwt = SignedJWT.parse((String) tokens.get("access_token"));
		assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(jwt.getHeader().getKeyID()).isEqualTo(this.minter.keyId());
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(id);
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("shopfront");
		assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("CUSTOMER");

		String jwks = api().get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
		RSAKey published = (RSAKey) JWKSet.parse(jwks).getKeyByKeyId(this.minter.keyId());
		assertThat(published.isPrivate()).isFalse();
		assertThat(jwt.verify(new RSASSAVerifier(published))).isTrue();
	}

	@Test
	void givesTheSameAnswerForAnUnknownEmailAndAWrongPassword() {
		String email = uniqueEmail();
		register(email);
		String wrongPassword = assertProblem(
				api().body(Map.of("email", email, "password", "wrong password here")).post("/api/auth/token").then(),
				401, "invalid-credentials")
			.extract()
			.path("detail");
		String unknownEmail = assertProblem(
				api().body(Map.of("email", uniqueEmail(), "password", PASSWORD)).post("/api/auth/token").then(), 401,
				"invalid-credentials")
			.extract()
			.path("detail");
		assertThat(wrongPassword).isEqualTo(unknownEmail);
	}

	@Test
	void delaysLoginsAfterTheFreeAttemptsInsteadOfLockingTheAccount() {
		String email = uniqueEmail();
		register(email);
		for (int i = 0; i < 3; i++) {
			guess(email, "wrong password here", null).then().statusCode(401);
		}
		// even the right password waits: the delay is per attempt, not per failure
		assertProblem(guess(email, PASSWORD, null).then(), 429, "login-throttled").header("Retry-After",
				matchesPattern("[12]"));
		// no lock: after the delay, the right password gets in, and the count starts over
		await().atMost(Duration.ofSeconds(10)).until(() -> guess(email, PASSWORD, null).statusCode() == 200);
		for (int i = 0; i < 3; i++) {
			guess(email, "wrong password here", null).then().statusCode(401);
		}
	}

	@Test
	void aBurstOfConcurrentGuessesGetsNoMorePasswordChecksThanTheFreeAttempts() throws Exception {
		String email = uniqueEmail();
		register(email);
		List<Integer> statuses;
		try (ExecutorService clients = Executors.newFixedThreadPool(20)) {
			List<Future<Integer>> guesses = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				guesses.add(clients.submit(() -> guess(email, "wrong password here", null).statusCode()));
			}
			statuses = new ArrayList<>();
			for (Future<Integer> guess : guesses) {
				statuses.add(guess.get(30, TimeUnit.SECONDS));
			}
		}
		assertThat(statuses).containsOnly(401, 429);
		assertThat(statuses.stream().filter((status) -> status == 401).count()).as("passwords checked").isEqualTo(3);
	}

	@Test
	void guessesFromOneAddressDoNotDelayTheOwnerElsewhere() {
		String email = uniqueEmail();
		register(email);
		for (int i = 0; i < 3; i++) {
			guess(email, "wrong password here", "203.0.113.5").then().statusCode(401);
		}
		assertProblem(guess(email, "wrong password here", "203.0.113.5").then(), 429, "login-throttled");
		// the owner, elsewhere
		guess(email, PASSWORD, "198.51.100.7").then().statusCode(200);
	}

	@Test
	void guessesFromManyAddressesAreDelayedPerEmail() {
		String email = uniqueEmail();
		register(email);
		// six free per e-mail in this test's settings, whatever the address
		for (int i = 0; i < 6; i++) {
			guess(email, "wrong password here", "203.0.113." + (10 + i / 2)).then().statusCode(401);
		}
		assertProblem(guess(email, "wrong password here", "203.0.113.99").then(), 429, "login-throttled");
	}

	@Test
	void aPasswordLongerThanBcryptReadsIsAWrongPasswordNotAnError() {
		String email = uniqueEmail();
		register(email);
		String long73 = "pässwörd-".repeat(8) + "x";
		assertThat(long73.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);
		assertProblem(guess(email, long73, "198.51.100.20").then(), 401, "invalid-credentials");
		assertProblem(guess(email, "a".repeat(1024), "198.51.100.21").then(), 401, "invalid-credentials");
	}

	@Test
	void loggingOutEndsTheSessionOnly() {
		String email = uniqueEmail();
		register(email);
		String first = (String) login(email, PASSWORD).get("refresh_token");
		String second = (String) login(email, PASSWORD).get("refresh_token");
		String rotated = api().body(Map.of("refresh_token", first))
			.post("/api/auth/refresh")
			.then()
			.statusCode(200)
			.extract()
			.path("refresh_token");

		api().body(Map.of("refresh_token", rotated)).post("/api/auth/logout").then().statusCode(204);
		// the whole family: the token it was rotated from was spent already, and it is
		// now
		// revoked
		assertProblem(api().body(Map.of("refresh_token", rotated)).post("/api/auth/refresh").then(), 401,
				"invalid-refresh-token");
		// idempotent, and tells nothing about the token
		api().body(Map.of("refresh_token", rotated)).post("/api/auth/logout").then().statusCode(204);
		api().body(Map.of("refresh_token", "never-issued")).post("/api/auth/logout").then().statusCode(204);
		assertProblem(api().body(Map.of()).post("/api/auth/logout").then(), 400, "validation");
		// another session of the same account goes on
		api().body(Map.of("refresh_token", second)).post("/api/auth/refresh").then().statusCode(200);
	}

	@Test
	void changingThePasswordEndsEverySessionOfTheAccount() {
		String email = uniqueEmail();
		register(email);
		Map<String, Object> session = login(email, PASSWORD);
		String access = (String) session.get("access_token");
		String otherRefresh = (String) login(email, PASSWORD).get("refresh_token");
		String newPassword = "a brand new passphrase";

		assertInvalid(api().auth()
			.oauth2(access)
			.body(Map.of("currentPassword", "not the password", "newPassword", newPassword))
			.post("/api/users/me/password")
			.then(), "currentPassword");
		assertInvalid(api().auth()
			.oauth2(access)
			.body(Map.of("currentPassword", PASSWORD, "newPassword", "x".repeat(12)))
			.post("/api/users/me/password")
			.then(), "newPassword");
		assertProblem(api().body(Map.of("currentPassword", PASSWORD, "newPassword", newPassword))
			.post("/api/users/me/password")
			.then(), 401, "unauthorized");

		api().auth()
			.oauth2(access)
			.body(Map.of("currentPassword", PASSWORD, "newPassword", newPassword))
			.post("/api/users/me/password")
			.then()
			.statusCode(204);
		for (String refresh : List.of((String) session.get("refresh_token"), otherRefresh)) {
			assertProblem(api().body(Map.of("refresh_token", refresh)).post("/api/auth/refresh").then(), 401,
					"invalid-refresh-token");
		}
		assertProblem(guess(email, PASSWORD, "198.51.100.30").then(), 401, "invalid-credentials");
		login(email, newPassword);
	}

	private io.restassured.response.Response guess(String email, String password, String clientAddress) {
		var request = api().body(Map.of("email", email, "password", password));
		if (clientAddress != null) {
			request = request.header("X-Forwarded-For", clientAddress);
		}
		return request.post("/api/auth/token");
	}

	@Test
	void rotatesRefreshTokensAndRevokesTheFamilyOnReuse() {
		String email = uniqueEmail();
		register(email);
		String first = (String) login(email, PASSWORD).get("refresh_token");
		Map<String, Object> rotated = api().body(Map.of("refresh_token", first))
			.post("/api/auth/refresh")
			.then()
			.statusCode(200)
			.header("Cache-Control", "no-store")
			.extract()
			.as(Map.class);
		String second = (String) rotated.get("refresh_token");
		assertThat(second).isNotEqualTo(first);
		api().auth().oauth2((String) rotated.get("access_token")).get("/api/users/me").then().statusCode(200);

		assertProblem(api().body(Map.of("refresh_token", first)).post("/api/auth/refresh").then(), 401,
				"invalid-refresh-token");
		assertProblem(api().body(Map.of("refresh_token", second)).post("/api/auth/refresh").then(), 401,
				"invalid-refresh-token");
		// a new login starts a new family
		String fresh = (String) login(email, PASSWORD).get("refresh_token");
		api().body(Map.of("refresh_token", fresh)).post("/api/auth/refresh").then().statusCode(200);
	}

	@Test
	void refusesUnknownRefreshTokens() {
		assertProblem(api().body(Map.of("refresh_token", "not-a-token")).post("/api/auth/refresh").then(), 401,
				"invalid-refresh-token");
		assertProblem(api().body(Map.of()).post("/api/auth/refresh").then(), 400, "validation");
	}

	@Test
	void refusesMissingExpiredWronglySignedAndUnsignedTokens() {
		String subject = UUID.randomUUID().toString();
		assertProblem(api().get("/api/users/me").then(), 401, "unauthorized").header("WWW-Authenticate",
				startsWith("Bearer"));
		for (String token : new String[] { this.minter.expired(subject, "CUSTOMER"),
				this.minter.wronglySigned(subject, "CUSTOMER"), this.minter.algNone(subject, "CUSTOMER"),
				"not.a.jwt" }) {
			assertProblem(api().auth().oauth2(token).get("/api/users/me").then(), 401, "unauthorized")
				.header("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\""));
		}
	}

	@Test
	void acceptsATokenSignedWithTheConfiguredKey() {
		String email = uniqueEmail();
		String id = register(email);
		api().auth()
			.oauth2(this.minter.customer(UUID.fromString(id)))
			.get("/api/users/me")
			.then()
			.statusCode(200)
			.body("email", equalTo(email))
			.body("version", greaterThan(-1));
	}

	@Test
	void answersNotAcceptableAndNotFoundWithProblems() {
		String email = uniqueEmail();
		register(email);
		String token = accessToken(email);
		assertProblem(api().auth().oauth2(token).accept("application/xml").get("/api/users/me").then(), 406,
				"not-acceptable");
		assertProblem(api().auth().oauth2(token).get("/api/nothing-here").then(), 404, "not-found");
	}

}
