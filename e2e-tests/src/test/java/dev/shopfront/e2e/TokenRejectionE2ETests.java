package dev.shopfront.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.shopfront.e2e.Api.Customer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The gateway lets no request through to a protected route without a valid token:
 * missing, expired, tampered, wrongly signed and unsigned ({@code alg: none}) tokens get
 * a 401 problem.
 */
@ExtendWith(ShopDeployment.class)
class TokenRejectionE2ETests {

	private static Customer customer;

	private static String accountId;

	@BeforeAll
	static void customer() {
		customer = Api.newCustomer("tokens");
		accountId = Api.me(customer.accessToken()).path("id");
	}

	@Test
	void noToken() {
		Problems.assertProblem(Api.given().get("/api/users/me"), 401, "unauthorized");
	}

	@Test
	void expiredToken(Deployment deployment) throws JOSEException {
		assumeTrue(deployment.signingKey().isPresent(),
				"Minting an expired token needs the issuer's key: run with -De2e.signingKeyFile=<PKCS#8 PEM> "
						+ "(and -De2e.signingKeyId=<kid>) against " + deployment.baseUrl());
		RSAKey key = deployment.signingKey().get();
		Instant now = Instant.now();

		// The same key and claims, still valid: accepted, so the key is right ...
		assertThat(Api.me(sign(key, claims(now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofMinutes(5)))))
			.statusCode()).as("a valid token minted with the deployment's key").isEqualTo(200);
		// ... and an hour after expiry: refused.
		String expired = sign(key, claims(now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1))));
		Problems.assertProblem(Api.me(expired), 401, "unauthorized");
	}

	@Test
	void tamperedToken() {
		String[] parts = customer.accessToken().split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		String elevated = payload.replace("\"CUSTOMER\"", "\"ADMIN\"");
		assertThat(elevated).as("the token carries a CUSTOMER role").isNotEqualTo(payload);
		String tampered = parts[0] + "." + base64Url(elevated) + "." + parts[2];

		Problems.assertProblem(Api.me(tampered), 401, "unauthorized");
	}

	@Test
	void tokenSignedWithAnotherKey() throws Exception {
		String kid = SignedJWT.parse(customer.accessToken()).getHeader().getKeyID();
		RSAKey stranger = new RSAKeyGenerator(2048).keyID(kid).generate();
		Instant now = Instant.now();

		Problems.assertProblem(Api.me(sign(stranger, claims(now, now.plus(Duration.ofMinutes(5))))), 401,
				"unauthorized");
	}

	@Test
	void unsignedToken() {
		String[] parts = customer.accessToken().split("\\.");
		String none = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";

		Problems.assertProblem(Api.me(none), 401, "unauthorized");
	}

	private static JWTClaimsSet claims(Instant issuedAt, Instant expiresAt) {
		return new JWTClaimsSet.Builder().issuer("shopfront")
			.subject(accountId)
			.claim("roles", List.of("CUSTOMER"))
			.claim("email", customer.email())
			.issueTime(Date.from(issuedAt))
			.notBeforeTime(Date.from(issuedAt))
			.expirationTime(Date.from(expiresAt))
			.build();
	}

	private static String sign(RSAKey key, JWTClaimsSet claims) throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private static String base64Url(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
