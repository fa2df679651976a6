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
 * same key to finish before it is answered 409 "in progress"; never less than the longest
 * the first request can take ({@link #repeatWait()})
 * @param sweeper the worker that times out and resumes sagas
 * @param inventory the REST client for inventory-service
 */
@ConfigurationProperties("shopfront.order")
public record OrderProperties(@DefaultValue("30s") Duration paymentTimeout,
		@DefaultValue("5s") Duration idempotencyWait, @DefaultValue Sweeper sweeper,
		@DefaultValue Inventory inventory) {

	/**
	 * How long a repeat waits for the first request with its key: the configured
	 * {@code idempotencyWait}, or, if longer, the longest the first request can take (its
	 * reservation, plus a second for its own transactions), so that a repeat gets the
	 * first request's answer even from a slow inventory-service.
	 * @return the wait
	 */
	public Duration repeatWait() {
		Duration longest = this.inventory.longestReservation().plusSeconds(1);
		return (this.idempotencyWait.compareTo(longest) >= 0) ? this.idempotencyWait : longest;
	}

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
	public record Inventory(@DefaultValue("http://localhost:8083") URI url,
			@DefaultValue("500ms") Duration connectTimeout, @DefaultValue("1500ms") Duration readTimeout,
			@DefaultValue("3") int maxAttempts, @DefaultValue("200ms") Duration retryBackoff,
			@DefaultValue("50") float failureRateThreshold, @DefaultValue("10") int slidingWindowSize,
			@DefaultValue("10s") Duration openFor) {

		/**
		 * The longest one reservation can take: fetching a SERVICE token, then every
		 * attempt timing out (connect and read) with the back-off between them (8.6 s
		 * with the defaults, so that a POST ends inside the gateway's 10 s read timeout).
		 * @return the duration
		 */
		public Duration longestReservation() {
			Duration oneCall = this.connectTimeout.plus(this.readTimeout);
			Duration longest = oneCall.multipliedBy(1L + this.maxAttempts);
			Duration backoff = this.retryBackoff;
			for (int attempt = 2; attempt <= this.maxAttempts; attempt++) {
				longest = longest.plus(backoff);
				backoff = backoff.multipliedBy(2);
			}
			return longest;
		}
	}

}
