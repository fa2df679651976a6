package dev.shopfront.order.config;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long the longest reservation can take, and how long a repeated request therefore
 * waits for the first one.
 */
class OrderPropertiesTests {

	private static OrderProperties.Inventory inventory(String connect, String read, int attempts, String backoff) {
		return new OrderProperties.Inventory(URI.create("http://localhost:8083"), Duration.parse(connect),
				Duration.parse(read), attempts, Duration.parse(backoff), 50, 10, Duration.ofSeconds(10));
	}

	private static OrderProperties properties(Duration idempotencyWait, OrderProperties.Inventory inventory) {
		return new OrderProperties(Duration.ofSeconds(30), idempotencyWait,
				new OrderProperties.Sweeper(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(10), 100),
				inventory);
	}

	@Test
	void theLongestReservationIsATokenFetchAndEveryAttemptTimingOutWithTheBackOffBetween() {
		// defaults: (0.5 + 1.5) s for the token, 3 attempts of (0.5 + 1.5) s, 200 + 400
		// ms
		assertThat(inventory("PT0.5S", "PT1.5S", 3, "PT0.2S").longestReservation()).isEqualTo(Duration.ofMillis(8600));
		assertThat(inventory("PT1S", "PT2S", 1, "PT0.2S").longestReservation()).isEqualTo(Duration.ofSeconds(6));
		assertThat(inventory("PT1S", "PT1S", 4, "PT0.1S").longestReservation())
			.isEqualTo(Duration.ofMillis(10_000 + 100 + 200 + 400));
	}

	@Test
	void withTheDefaultsAPostEndsInsideTheGatewaysTenSecondReadTimeout() {
		OrderProperties defaults = new Binder(new MapConfigurationPropertySource()).bindOrCreate("shopfront.order",
				OrderProperties.class);
		assertThat(defaults.inventory().longestReservation()).isEqualTo(Duration.ofMillis(8600));
		assertThat(defaults.repeatWait()).isEqualTo(Duration.ofMillis(9600)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void aRepeatWaitsAtLeastAsLongAsTheFirstRequestCanTake() {
		OrderProperties.Inventory defaults = inventory("PT0.5S", "PT1.5S", 3, "PT0.2S");
		assertThat(properties(Duration.ofSeconds(5), defaults).repeatWait()).isEqualTo(Duration.ofMillis(9600));
		assertThat(properties(Duration.ofSeconds(30), defaults).repeatWait()).isEqualTo(Duration.ofSeconds(30));
	}

}
