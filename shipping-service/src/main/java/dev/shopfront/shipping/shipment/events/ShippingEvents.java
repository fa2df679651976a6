package dev.shopfront.shipping.shipment.events;

import org.springframework.amqp.core.TopicExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The exchange shipping-service publishes to (schemas in docs/events/); order-service and
 * notification-service read it.
 */
@Configuration(proxyBeanMethods = false)
public class ShippingEvents {

	/** Topic exchange of shipment events; routing key = event type. */
	public static final String EXCHANGE = "shipping.events";

	@Bean
	TopicExchange shippingEventsExchange() {
		return new TopicExchange(EXCHANGE, true, false);
	}

}
