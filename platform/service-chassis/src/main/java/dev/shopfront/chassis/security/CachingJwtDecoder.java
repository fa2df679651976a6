package dev.shopfront.chassis.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Decodes each distinct token once. A bearer token comes with many requests while it
 * lives (a customer's session, a service's client-credentials token), and checking its
 * RS256 signature and converting its claims again each time took 6 to 11 % of a service's
 * CPU under load (docs/benchmarks.md). A token seen before is taken from a bounded cache,
 * and its validators (expiry, not-before, issuer) run again on every use, so an expired
 * token is refused exactly as before. The key is the whole token, signature included: a
 * token that differs in any byte is decoded and checked afresh. Only tokens that passed
 * every check are kept.
 */
final class CachingJwtDecoder implements JwtDecoder {

	private final JwtDecoder delegate;

	private final OAuth2TokenValidator<Jwt> validator;

	private final Cache<String, Jwt> decoded;

	/**
	 * A cache in front of a decoder.
	 * @param delegate checks the signature and runs the validator
	 * @param validator the same validator, run again on every cached use
	 * @param maximumSize how many decoded tokens to keep
	 * @param idle how long an unused token is kept
	 */
	CachingJwtDecoder(JwtDecoder delegate, OAuth2TokenValidator<Jwt> validator, long maximumSize, Duration idle) {
		this.delegate = delegate;
		this.validator = validator;
		this.decoded = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterAccess(idle).build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt jwt = this.decoded.getIfPresent(token);
		if (jwt == null) {
			jwt = this.delegate.decode(token);
			this.decoded.put(token, jwt);
			return jwt;
		}
		OAuth2TokenValidatorResult result = this.validator.validate(jwt);
		if (result.hasErrors()) {
			this.decoded.invalidate(token);
			throw new JwtValidationException("An error occurred while attempting to decode the Jwt: "
					+ result.getErrors().iterator().next().getDescription(), result.getErrors());
		}
		return jwt;
	}

}
