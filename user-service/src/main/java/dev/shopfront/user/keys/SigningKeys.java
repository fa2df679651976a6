package dev.shopfront.user.keys;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import dev.shopfront.user.config.UserProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the signing key: the one in configuration, else the one kept in the database,
 * else a new one generated and kept there. An advisory lock makes instances that start
 * together agree on one key.
 */
class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private final UserProperties.Jwt settings;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SigningKeys(UserProperties.Jwt settings, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.settings = settings;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	SigningKey load() {
		String pem = this.settings.privateKey();
		if (pem != null && !pem.isBlank()) {
			SigningKey key = new SigningKey(fromPem(pem, this.settings.keyId()));
			log.info("Signing tokens with the configured key {}", key.keyId());
			return key;
		}
		return this.transactions.execute((status) -> {
			this.jdbc.sql("select pg_advisory_xact_lock(hashtext('shopfront.signing_keys'))").query().singleRow();
			List<String> stored = this.jdbc.sql("select private_key from signing_keys order by created_at desc limit 1")
				.query(String.class)
				.list();
			if (!stored.isEmpty()) {
				SigningKey key = new SigningKey(fromPem(stored.get(0), null));
				log.info("Signing tokens with the stored key {}", key.keyId());
				return key;
			}
			SigningKey key = generate();
			this.jdbc.sql("insert into signing_keys (kid, private_key, created_at) values (?, ?, ?)")
				.params(key.keyId(), toPem(key), Timestamp.from(this.clock.instant()))
				.update();
			log.info("Generated and stored a new signing key {}", key.keyId());
			return key;
		});
	}

	private static SigningKey generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			return new SigningKey(withThumbprint(new RSAKey.Builder((RSAPublicKey) pair.getPublic())
				.privateKey((RSAPrivateCrtKey) pair.getPrivate())));
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot generate an RSA key", ex);
		}
	}

	static RSAKey fromPem(String pem, @Nullable String keyId) {
		try {
			String base64 = pem.replaceAll("-----(BEGIN|END) (RSA )?PRIVATE KEY-----", "").replaceAll("\\s", "");
			if (pem.contains("BEGIN RSA PRIVATE KEY")) {
				throw new IllegalStateException("The signing key must be PKCS#8 (BEGIN PRIVATE KEY), not PKCS#1: "
						+ "convert it with 'openssl pkcs8 -topk8 -nocrypt'");
			}
			KeyFactory factory = KeyFactory.getInstance("RSA");
			RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
			RSAPublicKey publicKey = (RSAPublicKey) factory
				.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
			RSAKey.Builder builder = new RSAKey.Builder(publicKey).privateKey(privateKey);
			return (keyId != null && !keyId.isBlank()) ? builder.keyID(keyId).build() : withThumbprint(builder);
		}
		catch (IllegalStateException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("The signing key is not a PKCS#8 PEM RSA private key", ex);
		}
	}

	private static RSAKey withThumbprint(RSAKey.Builder builder) throws JOSEException {
		return builder.keyIDFromThumbprint().build();
	}

	private static String toPem(SigningKey key) {
		try {
			byte[] der = key.key().toPrivateKey().getEncoded();
			return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
					+ "\n-----END PRIVATE KEY-----\n";
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
