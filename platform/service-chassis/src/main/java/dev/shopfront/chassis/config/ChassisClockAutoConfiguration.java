package dev.shopfront.chassis.config;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The clock every service tells time with (injected wherever time matters, so a test can
 * replace it): UTC, ticking in microseconds, because PostgreSQL keeps microseconds — what
 * the API answers after a write then equals what it answers after reading it back.
 */
@AutoConfiguration
public class ChassisClockAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
	}

}
