package dev.shopfront.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints tokens for tests the way user-service does (RS256, {@code kid}, issuer
 * {@code shopfront}, {@code roles} claim), and the bad ones a service must refuse:
 * expired, wrongly signed, {@code alg: none}.
 */
public final class JwtMinter {

	/** The issuer user-service writes into its tokens. */
	public static final String ISSUER = "shopfront";

	private static final JwtMinter SHARED = new JwtMinter("test-key");

	private final String keyId;

	private final KeyPair keys;

	private final KeyPair otherKeys;

	/**
	 * A minter with a fresh key pair.
	 * @param keyId the {@code kid} of its key
	 */
	public JwtMinter(String keyId) {
		this(keyId, rsa());
	}

	private JwtMinter(String keyId, KeyPair keys) {
		this.keyId = keyId;
		this.keys = keys;
		this.otherKeys = rsa();
	}

	/**
	 * A minter with a running shop's signing key, for benchmarks and scripts that play a
	 * client of it ({@code ./shop} writes the key as PKCS#8 PEM).
	 * @param pemFile the private key
	 * @param keyId its {@code kid}
	 * @return the minter
	 * @throws IOException when the file cannot be read
	 * @throws GeneralSecurityException when it holds no RSA private key
	 */
	public static JwtMinter fromPemFile(Path pemFile, String keyId) throws IOException, GeneralSecurityException {
		String base64 = Files.readString(pemFile)
			.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
			.replaceAll("\\s", "");
		KeyFactory rsa = KeyFactory.getInstance("RSA");
		RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa
			.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
		PublicKey publicKey = rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
		return new JwtMinter(keyId, new KeyPair(publicKey, key));
	}

	/**
	 * The minter whose key {@link TestJwks} publishes.
	 * @return the shared minter
	 */
	public static JwtMinter shared() {
		return SHARED;
	}

	public String customer(UUID userId) {
		return token(userId.toString(), Duration.ofMinutes(5), "CUSTOMER");
	}

	/**
	 * A customer's token that names the e-mail address, as user-service's tokens do.
	 * @param userId the customer
	 * @param email the address
	 * @return the token
	 */
	public String customer(UUID userId, String email) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder(
				claims(userId.toString(), now, now.plus(Duration.ofMinutes(5)), "CUSTOMER"))
			.claim("email", email)
			.build();
		return sign(this.keys, claims);
	}

	public String admin() {
		return token(UUID.randomUUID().toString(), Duration.ofMinutes(5), "ADMIN");
	}

	public String service(String clientId) {
		return token(clientId, Duration.ofMinutes(5), "SERVICE");
	}

	/**
	 * A correctly signed token that expired an hour ago.
	 * @param subject the subject
	 * @param roles its roles
	 * @return the token
	 */
	public String expired(String subject, String... roles) {
		Instant past = Instant.now().minus(Duration.ofHours(2));
		return sign(this.keys, claims(subject, past, past.plus(Duration.ofHours(1)), roles));
	}

	/**
	 * A token with this minter's {@code kid} but signed by another key.
	 * @param subject the subject
	 * @param roles its roles
	 * @return the token
	 */
	public String wronglySigned(String subject, String... roles) {
		Instant now = Instant.now();
		return sign(this.otherKeys, claims(subject, now, now.plus(Duration.ofMinutes(5)), roles));
	}

	/**
	 * An unsigned token ({@code alg: none}) with otherwise valid claims.
	 * @param subject the subject
	 * @param roles its roles
	 * @return the token
	 */
	public String algNone(String subject, String... roles) {
		Instant now = Instant.now();
		return new PlainJWT(claims(subject, now, now.plus(Duration.ofMinutes(5)), roles)).serialize();
	}

	/**
	 * A valid token.
	 * @param subject the subject
	 * @param ttl how long it lives
	 * @param roles its roles
	 * @return the token
	 */
	public String token(String subject, Duration ttl, String... roles) {
		Instant now = Instant.now();
		return sign(this.keys, claims(subject, now, now.plus(ttl), roles));
	}

	/**
	 * A correctly signed, valid token from another issuer.
	 * @param issuer the {@code iss}
	 * @param subject the subject
	 * @param roles its roles
	 * @return the token
	 */
	public String tokenFrom(String issuer, String subject, String... roles) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(subject, now, now.plus(Duration.ofMinutes(5)), roles))
			.issuer(issuer)
			.build();
		return sign(this.keys, claims);
	}

	public String keyId() {
		return this.keyId;
	}

	/**
	 * The public key set, as served at {@code /.well-known/jwks.json}.
	 * @return the JWKS JSON
	 */
	public String jwkSetJson() {
		return new JWKSet(rsaKey().toPublicJWK()).toString();
	}

	/**
	 * The private key as PKCS#8 PEM, to configure an issuer that signs with it.
	 * @return the PEM text
	 */
	public String privateKeyPem() {
		String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(this.keys.getPrivate().getEncoded());
		return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
	}

	private RSAKey rsaKey() {
		return new RSAKey.Builder((RSAPublicKey) this.keys.getPublic())
			.privateKey((RSAPrivateKey) this.keys.getPrivate())
			.keyID(this.keyId)
			.build();
	}

	private JWTClaimsSet claims(String subject, Instant issuedAt, Instant expiresAt, String... roles) {
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(subject)
			.issueTime(Date.from(issuedAt))
			.expirationTime(Date.from(expiresAt))
			.jwtID(UUID.randomUUID().toString())
			.claim("roles", List.of(roles))
			.build();
	}

	private String sign(KeyPair pair, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.keyId).type(JOSEObjectType.JWT).build(),
					claims);
			jwt.sign(new RSASSASigner(pair.getPrivate()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
