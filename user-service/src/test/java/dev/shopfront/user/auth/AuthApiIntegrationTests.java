package dev.shopfront.user.auth;

import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.shopfront.testsupport.JwtMinter;
import dev.shopfront.user.UserServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
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
	void throttlesLoginsAfterRepeatedFailuresEvenWithTheRightPassword() {
		String email = uniqueEmail();
		register(email);
		for (int i = 0; i < 3; i++) {
			api().body(Map.of("email", email, "password", "wrong password here"))
				.post("/api/auth/token")
				.then()
				.statusCode(401);
		}
		assertProblem(api().body(Map.of("email", email, "password", PASSWORD)).post("/api/auth/token").then(), 429,
				"login-throttled")
			.header("Retry-After", matchesPattern("\\d+"));
		int retryAfter = Integer.parseInt(api().body(Map.of("email", email, "password", PASSWORD))
			.post("/api/auth/token")
			.then()
			.extract()
			.header("Retry-After"));
		assertThat(retryAfter).isBetween(1, 15 * 60);
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
