package dev.shopfront.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class JwtMinterTests {

	private final JwtMinter minter = new JwtMinter("k1");

	private RSAKey publicKey() throws Exception {
		return (RSAKey) JWKSet.parse(this.minter.jwkSetJson()).getKeyByKeyId("k1");
	}

	@Test
	void mintsTokensTheJwksVerifies() throws Exception {
		SignedJWT jwt = SignedJWT.parse(this.minter.customer(UUID.randomUUID()));
		assertThat(jwt.getHeader().getKeyID()).isEqualTo("k1");
		assertThat(jwt.verify(new RSASSAVerifier(publicKey()))).isTrue();
		assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("CUSTOMER");
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("shopfront");
	}

	@Test
	void mintsTheBadTokensAServiceMustRefuse() throws Exception {
		SignedJWT expired = SignedJWT.parse(this.minter.expired("s", "CUSTOMER"));
		assertThat(expired.verify(new RSASSAVerifier(publicKey()))).isTrue();
		assertThat(expired.getJWTClaimsSet().getExpirationTime()).isBefore(new Date());

		SignedJWT forged = SignedJWT.parse(this.minter.wronglySigned("s", "ADMIN"));
		assertThat(forged.getHeader().getKeyID()).isEqualTo("k1");
		assertThat(forged.verify(new RSASSAVerifier(publicKey()))).isFalse();

		assertThat(JWTParser.parse(this.minter.algNone("s", "ADMIN"))).isInstanceOf(PlainJWT.class);
		assertThat(this.minter.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
	}

	@Test
	void signsWithAShopsKeyReadFromItsPemFile(@TempDir Path directory) throws Exception {
		Path pem = Files.writeString(directory.resolve("signing-key.pem"), this.minter.privateKeyPem());
		JwtMinter shop = JwtMinter.fromPemFile(pem, "k1");
		SignedJWT jwt = SignedJWT.parse(shop.token("admin-1", Duration.ofMinutes(5), "ADMIN"));
		assertThat(jwt.verify(new RSASSAVerifier(publicKey()))).as("verified with the original key").isTrue();
		assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("ADMIN");
		assertThat(shop.jwkSetJson()).as("the same public key").isEqualTo(this.minter.jwkSetJson());
	}

}
