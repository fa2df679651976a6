package dev.shopfront.user.config;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of user-service, under {@code shopfront.user}.
 *
 * @param jwt token signing and lifetimes
 * @param login login throttling
 * @param bootstrapAdmin the first administrator, created once
 * @param verification e-mail verification
 * @param serviceClients service accounts for client-credentials tokens, by client id; one
 * whose secret is empty (or only an encoder prefix such as <code>{noop}</code>) is left
 * out
 */
@ConfigurationProperties("shopfront.user")
public record UserProperties(@DefaultValue Jwt jwt, @DefaultValue Login login,
		@DefaultValue BootstrapAdmin bootstrapAdmin, @DefaultValue Verification verification,
		Map<String, ServiceClient> serviceClients) {

	public UserProperties {
		// a client whose secret is not set (an empty placeholder) does not exist
		serviceClients = (serviceClients != null) ? serviceClients.entrySet()
			.stream()
			.filter((client) -> client.getValue() != null && client.getValue().secret() != null
					&& !client.getValue().secret().isBlank() && !client.getValue().secret().matches("\\{\\w+}\\s*"))
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue)) : Map.of();
	}

	/**
	 * Token signing and lifetimes.
	 *
	 * @param issuer the {@code iss} of every token
	 * @param privateKey PKCS#8 PEM of the RSA signing key; when absent a key is generated
	 * once and kept in the database
	 * @param keyId the {@code kid} of a configured key (a thumbprint when absent)
	 * @param accessTokenTtl lifetime of access tokens
	 * @param refreshTokenTtl lifetime of refresh tokens
	 * @param serviceTokenTtl lifetime of client-credentials tokens
	 */
	public record Jwt(@DefaultValue("shopfront") String issuer, @Nullable String privateKey, @Nullable String keyId,
			@DefaultValue("15m") Duration accessTokenTtl, @DefaultValue("30d") Duration refreshTokenTtl,
			@DefaultValue("15m") Duration serviceTokenTtl) {
	}

	/**
	 * Login throttling: attempts counted per client address and e-mail, and per e-mail,
	 * spaced out by growing delays once the free ones are used (never a hard lock).
	 *
	 * @param freeAttempts attempts one client address may make for one e-mail without a
	 * delay
	 * @param freeAttemptsPerEmail attempts for one e-mail, from any address, without a
	 * delay (a guesser with many addresses)
	 * @param firstDelay the delay after the free attempts; it doubles with each further
	 * attempt
	 * @param maxDelay the longest delay
	 * @param forgetAfter quiet time after which earlier attempts no longer count
	 */
	public record Login(@DefaultValue("5") int freeAttempts, @DefaultValue("20") int freeAttemptsPerEmail,
			@DefaultValue("2s") Duration firstDelay, @DefaultValue("15m") Duration maxDelay,
			@DefaultValue("1h") Duration forgetAfter) {
	}

	/**
	 * E-mail verification: a code is e-mailed at registration, and nothing else is sent
	 * to the address until it comes back.
	 *
	 * @param ttl how long a code can be used
	 * @param resendAfter how long a user waits before asking for another code
	 */
	public record Verification(@DefaultValue("24h") Duration ttl, @DefaultValue("60s") Duration resendAfter) {
	}

	/**
	 * The first administrator; created at startup when e-mail and password are set and no
	 * account has that e-mail yet.
	 *
	 * @param email its e-mail
	 * @param password its password
	 * @param fullName its name
	 */
	public record BootstrapAdmin(@Nullable String email, @Nullable String password,
			@DefaultValue("Shop Administrator") String fullName) {
	}

	/**
	 * A service account.
	 *
	 * @param secret its secret, in the password encoder's format ({@code {noop}...},
	 * {@code {bcrypt}...})
	 */
	public record ServiceClient(@Nullable String secret) {
	}

}
