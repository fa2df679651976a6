package dev.shopfront.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.lettuce.core.RedisConnectionException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without Redis the limiter lets every request through and asks Redis again only after
 * the retry interval.
 */
class RateLimiterTests {

	private Instant now = Instant.parse("2026-01-01T00:00:00Z");

	private final Clock clock = new Clock() {

		@Override
		public Instant instant() {
			return RateLimiterTests.this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	};

	@Test
	void failsOpenWhileRedisCannotBeReachedAndRetriesLater() {
		AtomicInteger attempts = new AtomicInteger();
		RateLimiter limiter = new RateLimiter(() -> {
			attempts.incrementAndGet();
			throw new RedisConnectionException("Connection refused");
		}, Duration.ofMinutes(1), Duration.ofSeconds(5), this.clock, new SimpleMeterRegistry(), 0.01,
				Duration.ofSeconds(1));

		assertThat(limiter.tryConsume("k", 1)).isEqualTo(Allowance.UNCHECKED);
		assertThat(limiter.tryConsume("k", 1)).isEqualTo(Allowance.UNCHECKED);
		assertThat(attempts).hasValue(1);

		this.now = this.now.plusSeconds(6);
		assertThat(limiter.tryConsume("k", 1)).isEqualTo(Allowance.UNCHECKED);
		assertThat(attempts).hasValue(2);
	}

	@Test
	void failsOpenWhenACommandFails() {
		@SuppressWarnings("unchecked")
		ProxyManager<byte[]> broken = org.mockito.Mockito.mock(ProxyManager.class);
		org.mockito.Mockito.when(broken.builder()).thenThrow(new IllegalStateException("timeout"));
		RateLimiter limiter = new RateLimiter(() -> broken, Duration.ofMinutes(1), Duration.ofSeconds(5), this.clock,
				new SimpleMeterRegistry(), 0.01, Duration.ofSeconds(1));

		assertThat(limiter.tryConsume("k", 1).granted()).isTrue();
		assertThat(limiter.tryConsume("k", 1)).isEqualTo(Allowance.UNCHECKED);
		org.mockito.Mockito.verify(broken, org.mockito.Mockito.times(1)).builder();
	}

	@Test
	void roundsRetryAfterUpToWholeSeconds() {
		assertThat(Allowance.refused(Duration.ofMillis(20_001)).retryAfterSeconds()).isEqualTo(21);
		assertThat(Allowance.refused(Duration.ofSeconds(20)).retryAfterSeconds()).isEqualTo(20);
		assertThat(Allowance.refused(Duration.ofNanos(1)).retryAfterSeconds()).isEqualTo(1);
		assertThat(Allowance.refused(Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
	}

}
