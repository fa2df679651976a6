package dev.shopfront.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway instances, each with its own Redis connection, count against the same
 * buckets (local Redis at 127.0.0.1:6379); each grants a share of a limit from its own
 * copy of the bucket between two synchronizations.
 */
class RateLimiterIntegrationTests {

	private final LettuceConnectionFactory first = new LettuceConnectionFactory("127.0.0.1", 6379);

	private final LettuceConnectionFactory second = new LettuceConnectionFactory("127.0.0.1", 6379);

	@BeforeEach
	void connect() {
		for (LettuceConnectionFactory factory : new LettuceConnectionFactory[] { this.first, this.second }) {
			factory.afterPropertiesSet();
			factory.start();
		}
	}

	@AfterEach
	void disconnect() {
		this.first.destroy();
		this.second.destroy();
	}

	@Test
	void instancesShareTheCount() {
		RateLimiter one = limiter(this.first);
		RateLimiter other = limiter(this.second);
		String key = "test-" + UUID.randomUUID() + ":gateway:rate-limit:user:alice";

		assertThat(one.tryConsume(key, 4)).isEqualTo(Allowance.granted(3));
		assertThat(other.tryConsume(key, 4)).isEqualTo(Allowance.granted(2));
		assertThat(one.tryConsume(key, 4)).isEqualTo(Allowance.granted(1));
		assertThat(other.tryConsume(key, 4)).isEqualTo(Allowance.granted(0));
		Allowance refused = one.tryConsume(key, 4);
		assertThat(refused.granted()).isFalse();
		assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
	}

	@Test
	void anInstanceAloneCountsExactlyWhileGrantingFromItsCopy() {
		RateLimiter one = limiter(this.first, 0.05);
		String key = "test-" + UUID.randomUUID() + ":gateway:rate-limit:ip:10.0.0.1";

		for (long remaining = 199; remaining >= 0; remaining--) {
			assertThat(one.tryConsume(key, 200)).isEqualTo(Allowance.granted(remaining));
		}
		assertThat(one.tryConsume(key, 200).granted()).isFalse();
	}

	@Test
	void anotherInstanceSeesTheGrantsFromACopyAtTheNextSynchronization() {
		RateLimiter one = limiter(this.first, 0.01);
		RateLimiter other = limiter(this.second, 0); // asks Redis every time: shows what
														// it holds
		String key = "test-" + UUID.randomUUID() + ":gateway:rate-limit:ip:10.0.0.2";

		// the first request synchronizes, the next five come from one's copy (10 allowed)
		for (int i = 0; i < 6; i++) {
			assertThat(one.tryConsume(key, 1000).granted()).isTrue();
		}
		assertThat(other.tryConsume(key, 1000)).isEqualTo(Allowance.granted(998));
		// the next five are still within one's share; the one after synchronizes them all
		for (int i = 0; i < 6; i++) {
			assertThat(one.tryConsume(key, 1000).granted()).isTrue();
		}
		assertThat(other.tryConsume(key, 1000)).isEqualTo(Allowance.granted(986));
	}

	@Test
	void instancesTogetherGrantAtMostTheirLocalSharesTooMuch() {
		RateLimiter one = limiter(this.first, 0.01);
		RateLimiter other = limiter(this.second, 0.01);
		String key = "test-" + UUID.randomUUID() + ":gateway:rate-limit:ip:10.0.0.3";

		int granted = 0;
		for (int i = 0; i < 1200; i++) {
			granted += one.tryConsume(key, 1000).granted() ? 1 : 0;
			granted += other.tryConsume(key, 1000).granted() ? 1 : 0;
		}
		// each instance grants too much only from a copy that misses the other's latest
		// grants,
		// and at most its share (10) before its next synchronization shows the bucket
		// empty
		assertThat(granted).isBetween(1000, 1000 + 2 * 10);
	}

	private static RateLimiter limiter(LettuceConnectionFactory redis) {
		return limiter(redis, 0.01);
	}

	private static RateLimiter limiter(LettuceConnectionFactory redis, double localShare) {
		return new RateLimiter(() -> RateLimitConfiguration.buckets(redis), Duration.ofMinutes(1),
				Duration.ofSeconds(5), Clock.systemUTC(), new SimpleMeterRegistry(), localShare, Duration.ofMinutes(1));
	}

}
