package dev.shopfront.payment.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of payment-service, under {@code shopfront.payment}.
 *
 * @param provider the simulated payment provider
 */
@ConfigurationProperties("shopfront.payment")
public record PaymentProperties(@DefaultValue Provider provider) {

	/**
	 * The simulated payment provider.
	 *
	 * @param slowDelay how long {@code tok_slow} takes before it approves
	 */
	public record Provider(@DefaultValue("5s") Duration slowDelay) {
	}

}
