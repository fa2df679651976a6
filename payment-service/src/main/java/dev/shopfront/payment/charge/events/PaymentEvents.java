package dev.shopfront.payment.charge.events;

import org.springframework.amqp.core.TopicExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The exchange payment-service publishes to (schemas in docs/events/); order-service
 * reads the answers to its commands there.
 */
@Configuration(proxyBeanMethods = false)
public class PaymentEvents {

	/** Topic exchange of payment events; routing key = event type. */
	public static final String EXCHANGE = "payment.events";

	@Bean
	TopicExchange paymentEventsExchange() {
		return new TopicExchange(EXCHANGE, true, false);
	}

}
