package dev.shopfront.user.keys.web;

import java.time.Duration;
import java.util.Map;

import dev.shopfront.user.keys.SigningKey;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the public signing key so every service can check tokens.
 */
@RestController
class JwksController {

	private final SigningKey key;

	JwksController(SigningKey key) {
		this.key = key;
	}

	/**
	 * The public keys that check the access tokens' signatures (JSON Web Key Set).
	 */
	@GetMapping(path = "/.well-known/jwks.json", produces = "application/json")
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(this.key.publicKeys().toJSONObject());
	}

}
