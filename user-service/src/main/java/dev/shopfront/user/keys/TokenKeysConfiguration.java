package dev.shopfront.user.keys;

import java.time.Clock;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import dev.shopfront.chassis.security.ChassisSecurityAutoConfiguration;
import dev.shopfront.user.config.UserProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signing key, the encoder that signs tokens with it, and a decoder that checks
 * tokens against it directly (user-service need not fetch its own JWKS over HTTP).
 */
@Configuration(proxyBeanMethods = false)
class TokenKeysConfiguration {

	@Bean
	SigningKey signingKey(UserProperties properties, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		return new SigningKeys(properties.jwt(), jdbc, transactions, clock).load();
	}

	@Bean
	JwtEncoder jwtEncoder(SigningKey key) {
		return new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new com.nimbusds.jose.jwk.JWKSet(key.key())));
	}

	@Bean
	JwtDecoder jwtDecoder(SigningKey key, UserProperties properties) throws JOSEException {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key.key().toRSAPublicKey())
			.signatureAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(ChassisSecurityAutoConfiguration.validator(properties.jwt().issuer()));
		return decoder;
	}

}
