package dev.shopfront.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;

import dev.shopfront.chassis.web.ProblemWriter;
import dev.shopfront.gateway.config.GatewayProperties;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Rate limiting with Bucket4j on the Redis that Spring Boot connects to
 * ({@code spring.data.redis.*}); the buckets get their own connection, opened on first
 * use.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	/** A full bucket stays in Redis this long after its last use, then expires. */
	private static final Duration KEEP_FULL_BUCKETS = Duration.ofSeconds(10);

	@Bean
	RateLimiter rateLimiter(GatewayProperties properties, LettuceConnectionFactory redis, MeterRegistry meters) {
		GatewayProperties.RateLimit settings = properties.rateLimit();
		return new RateLimiter(() -> buckets(redis), settings.period(), settings.redisRetryInterval(),
				Clock.systemUTC(), meters, settings.localShare(), settings.syncInterval());
	}

	@Bean
	RateLimiting rateLimiting(GatewayProperties properties, RateLimiter limiter, ProblemWriter problems,
			MeterRegistry meters, JsonMapper json) {
		return new RateLimiting(properties.rateLimit(), limiter, problems, meters, json);
	}

	/**
	 * While Redis is unreachable, commands fail at once instead of waiting for the
	 * reconnect, so neither requests nor health checks hang on it.
	 * @return the customizer
	 */
	@Bean
	LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
		return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

	static ProxyManager<byte[]> buckets(LettuceConnectionFactory redis) {
		AbstractRedisClient client = redis.getRequiredNativeClient();
		var builder = (client instanceof RedisClusterClient cluster) ? Bucket4jLettuce.casBasedBuilder(cluster)
				: Bucket4jLettuce.casBasedBuilder((RedisClient) client);
		return builder
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL_BUCKETS))
			.build();
	}

}
