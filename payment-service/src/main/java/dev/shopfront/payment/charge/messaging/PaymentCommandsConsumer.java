package dev.shopfront.payment.charge.messaging;

import java.util.List;

import dev.shopfront.chassis.messaging.IncomingMessage;
import dev.shopfront.chassis.messaging.MessageConsumer;
import dev.shopfront.payment.charge.Payments;
import dev.shopfront.payment.charge.messaging.PaymentCommands.AuthorizePaymentV1;
import dev.shopfront.payment.charge.messaging.PaymentCommands.RefundPaymentV1;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Takes order-service's commands from {@code payment.payment-commands}: authorise,
 * refund. Through the chassis inbox, so a redelivered command changes nothing; a command
 * that fails (a refund of an unknown payment, a command that breaks its contract) is
 * retried, then parked. Never logs a message's data: it carries a card token.
 */
@Configuration(proxyBeanMethods = false)
class PaymentCommandsConsumer {

	private static final Logger log = LoggerFactory.getLogger(PaymentCommandsConsumer.class);

	@Bean
	MessageConsumer paymentCommands(Payments payments) {
		return new MessageConsumer(PaymentCommands.QUEUE, PaymentCommands.EXCHANGE,
				List.of(PaymentCommands.AUTHORIZE, PaymentCommands.REFUND), (message) -> apply(payments, message));
	}

	static void apply(Payments payments, IncomingMessage message) {
		switch (message.envelope().type()) {
			case PaymentCommands.AUTHORIZE -> payments.authorize(message.data(AuthorizePaymentV1.class).toRequest());
			case PaymentCommands.REFUND -> payments.refund(message.data(RefundPaymentV1.class).toRequest());
			default ->
				log.warn("Ignoring {} {}: not a payment command", message.envelope().type(), message.envelope().id());
		}
	}

}
