package dev.shopfront.user.account.events;

import org.springframework.amqp.core.TopicExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The exchange user-service publishes its events to (schemas in docs/events/).
 */
@Configuration(proxyBeanMethods = false)
public class UserEvents {

	/** Topic exchange of account events; routing key = event type. */
	public static final String EXCHANGE = "user.events";

	@Bean
	TopicExchange userEventsExchange() {
		return new TopicExchange(EXCHANGE, true, false);
	}

}
