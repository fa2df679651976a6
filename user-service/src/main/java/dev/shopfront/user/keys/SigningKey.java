package dev.shopfront.user.keys;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The RSA key user-service signs tokens with.
 *
 * @param key the key pair, with its {@code kid}
 */
public record SigningKey(RSAKey key) {

	public String keyId() {
		return this.key.getKeyID();
	}

	/**
	 * The public half, as published at {@code /.well-known/jwks.json}.
	 * @return the public key set
	 */
	public JWKSet publicKeys() {
		return new JWKSet(this.key.toPublicJWK());
	}

}
