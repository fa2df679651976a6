package dev.shopfront.order.saga;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sagas past their time, read from the table when scraped: waiting for a payment answer
 * after its deadline, or reserving for over two minutes. The sweeper finishes them within
 * seconds, so a count that stays above zero means it cannot (the alert SagaStuck).
 */
@Component
class PlaceOrderSagaMetrics {

	PlaceOrderSagaMetrics(JdbcClient jdbc, MeterRegistry meters) {
		Gauge.builder("shopfront.saga.overdue", jdbc, PlaceOrderSagaMetrics::overdue)
			.description("Sagas past their payment deadline, or reserving for over two minutes")
			.register(meters);
	}

	private static double overdue(JdbcClient jdbc) {
		try {
			return jdbc.sql("""
					select count(*) from checkout_sagas
					where (step = 'AWAITING_PAYMENT' and payment_deadline < now())
					   or (step = 'RESERVING' and updated_at < now() - interval '2 minutes')
					""").query(Long.class).single();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
