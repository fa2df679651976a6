package dev.shopfront.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Administrator tokens for the scenarios that need one.
 */
final class Admins {

	private Admins() {
	}

	/**
	 * An administrator's token: by logging in with {@code -De2e.adminEmail} and
	 * {@code -De2e.adminPassword} when given, else minted with the issuer's key when
	 * known (always so for the system this suite starts itself).
	 */
	static String token(Deployment deployment) throws JOSEException {
		String email = System.getProperty("e2e.adminEmail", "").strip();
		if (!email.isEmpty()) {
			Response login = Api.login(email, System.getProperty("e2e.adminPassword", ""));
			assertThat(login.statusCode()).as("admin login: %s", login.asString()).isEqualTo(200);
			return login.path("access_token");
		}
		assumeTrue(deployment.signingKey().isPresent(),
				"Administrator scenarios need -De2e.adminEmail and -De2e.adminPassword, or the issuer's key "
						+ "(-De2e.signingKeyFile) against " + deployment.baseUrl());
		RSAKey key = deployment.signingKey().get();
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("shopfront")
			.subject(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
			.claim("roles", List.of("ADMIN"))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	/**
	 * A new product with its own SKU, created by an administrator.
	 * @param deployment the deployment
	 * @param price its price in EUR
	 * @param stock its stock
	 * @return its SKU
	 * @throws JOSEException when an administrator's token cannot be minted
	 */
	static String newProduct(Deployment deployment, String price, int stock) throws JOSEException {
		String sku = "E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		Response created = Api.given()
			.auth()
			.oauth2(Admins.token(deployment))
			.contentType(ContentType.JSON)
			.body(Map.of("sku", sku, "name", "Saga Widget", "description", "Created by the e2e suite", "price", price,
					"currency", "EUR", "stock", stock))
			.post("/api/products");
		assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
		return sku;
	}

}
