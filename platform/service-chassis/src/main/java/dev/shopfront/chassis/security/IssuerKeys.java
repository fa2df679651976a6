package dev.shopfront.chassis.security;

import java.net.MalformedURLException;
import java.util.List;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import dev.shopfront.chassis.config.ChassisProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token issuer's public keys, fetched from its JWKS and cached (Nimbus'
 * {@link JWKSourceBuilder}). A token whose {@code kid} is not in the cached set makes the
 * set be fetched again, in case the issuer rotated its key, but at most twice per
 * {@code jwks-refetch-interval}: beyond that such tokens are refused (401) without a
 * fetch, so tokens with made-up key ids cannot make every service call the issuer once
 * per request. (Spring Security's own JWKS source refetches on every unknown
 * {@code kid}.)
 */
final class IssuerKeys implements JWKSource<SecurityContext> {

	private static final Logger log = LoggerFactory.getLogger(IssuerKeys.class);

	private final JWKSource<SecurityContext> source;

	private IssuerKeys(JWKSource<SecurityContext> source) {
		this.source = source;
	}

	static IssuerKeys of(ChassisProperties.Security settings) {
		int timeout = (int) settings.jwksTimeout().toMillis();
		try {
			return new IssuerKeys(
					JWKSourceBuilder
						.<SecurityContext>create(settings.jwkSetUri().toURL(),
								new DefaultResourceRetriever(timeout, timeout,
										JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT))
						.cache(settings.jwksCacheTtl().toMillis(), settings.jwksTimeout().toMillis())
						.rateLimited(settings.jwksRefetchInterval().toMillis())
						.refreshAheadCache(false)
						.build());
		}
		catch (MalformedURLException ex) {
			throw new IllegalArgumentException("shopfront.chassis.security.jwk-set-uri is not a URL", ex);
		}
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
		try {
			return this.source.get(selector, context);
		}
		catch (RateLimitReachedException ex) {
			// no key for this kid, and no fetch allowed now: the token cannot be verified
			log.debug("Key set refetch refused by the rate limit; token with an unknown key refused");
			return List.of();
		}
	}

}
