package dev.shopfront.user.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.shopfront.user.account.Account;
import dev.shopfront.user.config.UserProperties;
import dev.shopfront.user.keys.SigningKey;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Signs access tokens: RS256 with the key's {@code kid}, issuer, subject, {@code roles},
 * expiry.
 */
@Component
class TokenIssuer {

	private final JwtEncoder encoder;

	private final SigningKey key;

	private final UserProperties.Jwt settings;

	private final Clock clock;

	TokenIssuer(JwtEncoder encoder, SigningKey key, UserProperties properties, Clock clock) {
		this.encoder = encoder;
		this.key = key;
		this.settings = properties.jwt();
		this.clock = clock;
	}

	AccessToken forAccount(Account account) {
		return sign(account.id().toString(), account.role().name(), this.settings.accessTokenTtl(), account.email());
	}

	AccessToken forService(String clientId) {
		return sign(clientId, "SERVICE", this.settings.serviceTokenTtl(), null);
	}

	private AccessToken sign(String subject, String role, Duration ttl, @Nullable String email) {
		Instant now = this.clock.instant();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(this.settings.issuer())
			.subject(subject)
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plus(ttl))
			.id(UUID.randomUUID().toString())
			.claim("roles", List.of(role));
		if (email != null) {
			claims.claim("email", email);
		}
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(this.key.keyId()).type("JWT").build();
		String value = this.encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
		return new AccessToken(value, ttl.toSeconds());
	}

	/**
	 * A signed access token.
	 *
	 * @param value the compact JWT
	 * @param expiresIn seconds until it expires
	 */
	record AccessToken(String value, long expiresIn) {
	}

}
