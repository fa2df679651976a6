package dev.shopfront.chassis.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the service chassis, all under {@code shopfront.chassis}; every default is
 * here so a service can see them in one place.
 *
 * @param web HTTP settings
 * @param security token validation settings
 * @param logging log output settings
 * @param messaging outbox, relay and consumer settings
 */
@ConfigurationProperties("shopfront.chassis")
public record ChassisProperties(@DefaultValue Web web, @DefaultValue Security security, @DefaultValue Logging logging,
		@DefaultValue Messaging messaging) {

	/**
	 * HTTP settings.
	 *
	 * @param maxBodySize largest request body accepted; larger ones get a 413 problem
	 * @param problemTypeBase base URI of the {@code type} of every problem; the error
	 * kind is appended
	 * @param unavailableRetryAfter the {@code Retry-After} of a 503 when the database or
	 * the broker cannot be used for a while
	 */
	public record Web(@DefaultValue("1MB") DataSize maxBodySize,
			@DefaultValue("https://shopfront.dev/problems/") URI problemTypeBase,
			@DefaultValue("5s") Duration unavailableRetryAfter) {
	}

	/**
	 * Token validation settings.
	 *
	 * @param jwkSetUri where the token issuer publishes its public keys
	 * @param issuer the {@code iss} every accepted token must carry
	 * @param jwksCacheTtl how long the fetched key set is used before it is fetched again
	 * @param jwksRefetchInterval a token with an unknown {@code kid} makes the key set be
	 * fetched again at most twice per this interval (the issuer may have rotated its
	 * key); more such tokens are refused without a fetch
	 * @param jwksTimeout connect and read timeout of a fetch
	 */
	public record Security(@DefaultValue("http://localhost:8081/.well-known/jwks.json") URI jwkSetUri,
			@DefaultValue("shopfront") String issuer, @DefaultValue("5m") Duration jwksCacheTtl,
			@DefaultValue("30s") Duration jwksRefetchInterval, @DefaultValue("2s") Duration jwksTimeout) {
	}

	/**
	 * Log output settings.
	 *
	 * @param json whether console logs are structured JSON (ECS) rather than plain text
	 */
	public record Logging(@DefaultValue("true") boolean json) {
	}

	/**
	 * Outbox, relay and consumer settings.
	 *
	 * @param source the CloudEvents {@code source} of what this service publishes; empty
	 * for {@code /shopfront/<spring.application.name>}
	 * @param relay how the outbox is relayed to the broker
	 * @param consumer how messages are consumed
	 */
	public record Messaging(@DefaultValue("") String source, @DefaultValue Relay relay,
			@DefaultValue Consumer consumer) {
	}

	/**
	 * How the outbox is relayed.
	 *
	 * @param enabled whether this instance runs a relay
	 * @param pollInterval the safety-net sweep when no commit wakes the relay
	 * @param batchSize rows published per transaction
	 * @param confirmTimeout how long to wait for the broker's publisher confirms
	 * @param initialBackoff wait before the first retry of a failed row
	 * @param maxBackoff longest wait between retries
	 * @param retention how long sent rows are kept before they are purged
	 */
	public record Relay(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration pollInterval,
			@DefaultValue("100") int batchSize, @DefaultValue("5s") Duration confirmTimeout,
			@DefaultValue("500ms") Duration initialBackoff, @DefaultValue("30s") Duration maxBackoff,
			@DefaultValue("7d") Duration retention) {
	}

	/**
	 * How messages are consumed.
	 *
	 * @param prefetch unacknowledged messages a consumer holds at most
	 * @param concurrency consumers per queue in this instance
	 * @param retryDelays the waits before each retry; after the last, the message is
	 * parked
	 * @param inboxRetention how long handled message ids are remembered
	 */
	public record Consumer(@DefaultValue("20") int prefetch, @DefaultValue("1") int concurrency, @DefaultValue( {
			"1s", "5s", "30s" }) List<Duration> retryDelays, @DefaultValue("14d") Duration inboxRetention){
	}

}
