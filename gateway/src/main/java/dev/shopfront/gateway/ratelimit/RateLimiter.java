package dev.shopfront.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets kept in Redis, so that every gateway instance counts against the same
 * limits; while Redis cannot be reached, requests go through uncounted (fail open) rather
 * than the shop going down with it.
 * <p>
 * Asking Redis on every request cost two round trips (Bucket4j's compare-and-swap: read
 * the bucket, then swap it), more CPU than routing the request. So each instance keeps a
 * copy of every bucket it uses and grants from it, up to a share of the limit or for at
 * most a sync interval, whichever ends first; then it hands Redis what it granted and
 * takes the bucket's new state in one synchronization (Bucket4j's delaying optimization).
 * One instance alone counts exactly: its copy starts from Redis and it is the only one
 * spending. n instances may together grant up to n times that share too much: each sees
 * the others' latest grants only at its next synchronization, which then shows the bucket
 * empty.
 */
public class RateLimiter {

	private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

	private final Supplier<ProxyManager<byte[]>> connector;

	private final Duration period;

	private final Duration retryInterval;

	private final Clock clock;

	private final Counter unchecked;

	private final double localShare;

	private final Duration syncInterval;

	/**
	 * This instance's copies of the buckets it used lately, with what it granted from
	 * them since their last synchronization; a copy unused for a period is dropped (what
	 * it granted since its last synchronization, at most the local share, goes
	 * uncounted).
	 */
	private final Cache<String, BucketProxy> copies;

	private final ReentrantLock connecting = new ReentrantLock();

	private volatile @Nullable ProxyManager<byte[]> buckets;

	private volatile Instant pausedUntil = Instant.MIN;

	private volatile boolean failing;

	/**
	 * A limiter that connects to Redis on first use.
	 * @param connector opens the bucket store (may throw while Redis is down)
	 * @param period the period every limit is counted over
	 * @param retryInterval how long to let requests through uncounted after Redis failed
	 * @param clock the clock
	 * @param meters where to count the requests let through uncounted
	 * @param localShare the share of a limit granted from the local copy of its bucket
	 * between two synchronizations with Redis (0: every request asks Redis)
	 * @param syncInterval the longest time between two synchronizations of a bucket in
	 * use
	 */
	public RateLimiter(Supplier<ProxyManager<byte[]>> connector, Duration period, Duration retryInterval, Clock clock,
			MeterRegistry meters, double localShare, Duration syncInterval) {
		this.connector = connector;
		this.period = period;
		this.retryInterval = retryInterval;
		this.clock = clock;
		this.localShare = localShare;
		this.syncInterval = syncInterval;
		this.copies = Caffeine.newBuilder().expireAfterAccess(period).maximumSize(100_000).build();
		this.unchecked = Counter.builder("shopfront.gateway.rate-limit.unchecked")
			.description("Requests let through without a rate limit check because Redis did not answer")
			.register(meters);
	}

	/**
	 * Takes one request from the bucket of a key.
	 * @param key the Redis key of the bucket (client and kind of limit)
	 * @param limit requests allowed per period
	 * @return whether the request may go on
	 */
	Allowance tryConsume(String key, long limit) {
		if (this.clock.instant().isBefore(this.pausedUntil)) {
			return unchecked();
		}
		try {
			ProxyManager<byte[]> store = buckets();
			if (store == null) {
				return unchecked();
			}
			ConsumptionProbe probe = this.copies.get(key, (k) -> bucket(store, k, limit))
				.tryConsumeAndReturnRemaining(1);
			recovered();
			return probe.isConsumed() ? Allowance.granted(probe.getRemainingTokens())
					: Allowance.refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
		catch (RuntimeException ex) {
			pause(ex);
			return unchecked();
		}
	}

	private BucketProxy bucket(ProxyManager<byte[]> store, String key, long limit) {
		RemoteBucketBuilder<byte[]> builder = store.builder();
		long unsynchronized = (long) (limit * this.localShare);
		if (unsynchronized > 0) {
			builder = builder
				.withOptimization(Optimizations.delaying(new DelayParameters(unsynchronized, this.syncInterval)));
		}
		return builder.build(key.getBytes(StandardCharsets.UTF_8), () -> configuration(limit));
	}

	private Allowance unchecked() {
		this.unchecked.increment();
		return Allowance.UNCHECKED;
	}

	private @Nullable ProxyManager<byte[]> buckets() {
		ProxyManager<byte[]> store = this.buckets;
		if (store != null) {
			return store;
		}
		// One request connects; the others meanwhile go through uncounted.
		if (!this.connecting.tryLock()) {
			return null;
		}
		try {
			if (this.buckets == null) {
				this.buckets = this.connector.get();
			}
			return this.buckets;
		}
		finally {
			this.connecting.unlock();
		}
	}

	/**
	 * A full allowance renewed at once every period: the announced remaining count only
	 * goes down within a period, and {@code Retry-After} says when it is renewed.
	 */
	private BucketConfiguration configuration(long limit) {
		return BucketConfiguration.builder()
			.addLimit((bandwidth) -> bandwidth.capacity(limit).refillIntervally(limit, this.period))
			.build();
	}

	private void pause(RuntimeException ex) {
		this.pausedUntil = this.clock.instant().plus(this.retryInterval);
		if (!this.failing) {
			this.failing = true;
			log.warn("Rate limits are not enforced: Redis does not answer ({}); requests go through uncounted, "
					+ "Redis is tried again every {}", ex.toString(), this.retryInterval);
		}
	}

	private void recovered() {
		if (this.failing) {
			this.failing = false;
			log.info("Redis answers again: rate limits are enforced");
		}
	}

}
