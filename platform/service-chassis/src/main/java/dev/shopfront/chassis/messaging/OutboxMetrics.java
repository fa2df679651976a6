package dev.shopfront.chassis.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outbox lag as metrics: rows waiting to be published and the age of the oldest one, read
 * from the table when scraped (the partial index keeps this cheap).
 */
final class OutboxMetrics {

	private OutboxMetrics() {
	}

	static void register(JdbcClient jdbc, MeterRegistry meters) {
		Gauge.builder("shopfront.outbox.pending", jdbc, OutboxMetrics::pending)
			.description("Outbox rows not yet confirmed by the broker")
			.register(meters);
		Gauge.builder("shopfront.outbox.oldest.age", jdbc, OutboxMetrics::oldestAge)
			.description("Age of the oldest unsent outbox row (outbox lag)")
			.baseUnit("seconds")
			.register(meters);
	}

	private static double pending(JdbcClient jdbc) {
		try {
			return jdbc.sql("select count(*) from outbox where sent_at is null").query(Long.class).single();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	private static double oldestAge(JdbcClient jdbc) {
		try {
			Double age = jdbc.sql(
					"select coalesce(extract(epoch from now() - min(created_at)), 0) from outbox where sent_at is null")
				.query(Double.class)
				.single();
			return (age != null) ? age : 0;
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
