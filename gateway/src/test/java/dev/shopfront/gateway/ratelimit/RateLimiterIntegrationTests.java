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
 * buckets (local Redis at 127.0.0.1:6379).
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

	private static RateLimiter limiter(LettuceConnectionFactory redis) {
		return new RateLimiter(() -> RateLimitConfiguration.buckets(redis), Duration.ofMinutes(1),
				Duration.ofSeconds(5), Clock.systemUTC(), new SimpleMeterRegistry());
	}

}
