package dev.shopfront.payment.charge.messaging;

import dev.shopfront.chassis.messaging.MessageConsumer;
import dev.shopfront.payment.charge.Payments;
import dev.shopfront.payment.charge.messaging.PaymentCommands.AuthorizePaymentV1;
import dev.shopfront.payment.charge.messaging.PaymentCommands.RefundPaymentV1;

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

	@Bean
	MessageConsumer paymentCommands(Payments payments) {
		return MessageConsumer.of(PaymentCommands.QUEUE, PaymentCommands.EXCHANGE)
			.on(PaymentCommands.AUTHORIZE, AuthorizePaymentV1.class,
					(command) -> payments.authorize(command.toRequest()))
			.on(PaymentCommands.REFUND, RefundPaymentV1.class, (command) -> payments.refund(command.toRequest()))
			.build();
	}

}
