package dev.shopfront.order.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of order-service ({@code shopfront.order.*}); the defaults work for
 * {@code ./shop up}.
 *
 * @param paymentTimeout how long an order waits for payment-service's answer before it is
 * cancelled (a later authorisation is refunded)
 * @param idempotencyWait how long a repeated request waits for the first one with the
 * same key to finish before it is answered 409 "in progress"
 * @param sweeper the worker that times out and resumes sagas
 * @param inventory the REST client for inventory-service
 */
@ConfigurationProperties("shopfront.order")
public record OrderProperties(@DefaultValue("30s") Duration paymentTimeout,
		@DefaultValue("5s") Duration idempotencyWait, @DefaultValue Sweeper sweeper,
		@DefaultValue Inventory inventory) {

	/**
	 * The saga sweeper.
	 *
	 * @param interval time between sweeps (every instance sweeps; each decision locks the
	 * saga row, so there is one outcome)
	 * @param reservingStaleAfter a saga still reserving after this long lost its request
	 * (a crash) and is resumed by the sweeper
	 * @param reservingGiveUpAfter a saga that could not reach inventory for this long is
	 * rejected (shorter than inventory's reservation TTL, 15 min)
	 * @param batchSize sagas per sweep
	 */
	public record Sweeper(@DefaultValue("2s") Duration interval, @DefaultValue("30s") Duration reservingStaleAfter,
			@DefaultValue("10m") Duration reservingGiveUpAfter, @DefaultValue("100") int batchSize) {
	}

	/**
	 * inventory-service's internal reservation API.
	 *
	 * @param url its base URL
	 * @param connectTimeout TCP connect timeout
	 * @param readTimeout time to wait for the answer of one attempt
	 * @param maxAttempts attempts per reservation (the call is idempotent by order id)
	 * @param retryBackoff wait before the second attempt, doubled for each further one
	 * @param failureRateThreshold percentage of failed calls that opens the breaker
	 * @param slidingWindowSize calls the failure rate is computed over
	 * @param openFor how long the open breaker refuses calls before it lets a few
	 * through; also the {@code Retry-After} of the 503
	 */
	public record Inventory(@DefaultValue("http://localhost:8083") URI url, @DefaultValue("1s") Duration connectTimeout,
			@DefaultValue("2s") Duration readTimeout, @DefaultValue("3") int maxAttempts,
			@DefaultValue("200ms") Duration retryBackoff, @DefaultValue("50") float failureRateThreshold,
			@DefaultValue("10") int slidingWindowSize, @DefaultValue("10s") Duration openFor) {
	}

}
