package dev.shopfront.chassis.security;

import java.time.Duration;

import dev.shopfront.chassis.config.ChassisProperties;
import dev.shopfront.chassis.web.ChassisWebAutoConfiguration;
import dev.shopfront.chassis.web.ProblemWriter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Token validation for every service: RS256 only, keys from the issuer's JWKS (fetched
 * lazily, so services start in any order), the issuer checked, expiry enforced.
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class, after = ChassisWebAutoConfiguration.class,
		beforeName = {
				"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ChassisSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ChassisSecurity chassisSecurity(ProblemWriter problems) {
		return new ChassisSecurity(problems);
	}

	/**
	 * Secure by default: a service that declares no filter chain of its own gets the
	 * chassis setup with every request authenticated (and the admin-only endpoints kept
	 * for admins).
	 * @param http the builder
	 * @param chassis the shared setup
	 * @return the chain
	 * @throws Exception as {@link HttpSecurity} does
	 */
	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain chassisDefaultSecurityFilterChain(HttpSecurity http, ChassisSecurity chassis) throws Exception {
		return chassis.apply(http).authorizeHttpRequests((requests) -> requests.anyRequest().authenticated()).build();
	}

	/**
	 * No Micrometer observations of Spring Security: its filter chain is not wrapped in
	 * an observation per filter, nor authentication and authorisation in one each. The
	 * traces come from the OpenTelemetry agent, and these wrappers cost more CPU per
	 * request than the service's own work (docs/benchmarks.md).
	 * @return the settings
	 */
	@Bean
	@ConditionalOnMissingBean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * The token check: RS256 signature by the issuer's keys, then the validators; each
	 * distinct token is checked once and then taken from a cache of 1 000 tokens, its
	 * validators run again on every use ({@link CachingJwtDecoder}).
	 * @param properties the chassis settings
	 * @return the decoder
	 */
	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(ChassisProperties properties) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(IssuerKeys.of(properties.security()))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		OAuth2TokenValidator<Jwt> validator = validator(properties.security().issuer());
		decoder.setJwtValidator(validator);
		return new CachingJwtDecoder(decoder, validator, 1_000, Duration.ofMinutes(10));
	}

	/**
	 * The checks every accepted token passes: expiry and not-before (with a small clock
	 * skew) and the issuer.
	 * @param issuer the expected {@code iss}
	 * @return the validator
	 */
	public static DelegatingOAuth2TokenValidator<Jwt> validator(String issuer) {
		return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer));
	}

}
