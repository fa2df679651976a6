package dev.shopfront.order.saga.messaging;

import java.util.List;
import java.util.UUID;

import dev.shopfront.chassis.messaging.IncomingMessage;
import dev.shopfront.chassis.messaging.MessageConsumer;
import dev.shopfront.order.saga.PlaceOrderSagaOrchestrator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * payment-service's replies move the saga: {@code payment.authorized},
 * {@code payment.declined}, {@code payment.refunded}. Through the chassis inbox; a reply
 * the saga has already applied changes nothing (the saga's own guards), whatever its
 * message id.
 */
@Configuration(proxyBeanMethods = false)
class PaymentRepliesConsumer {

	@Bean
	MessageConsumer paymentEvents(PlaceOrderSagaOrchestrator saga) {
		return new MessageConsumer("order.payment-events", "payment.events",
				List.of("payment.authorized", "payment.declined", "payment.refunded"),
				(message) -> apply(saga, message));
	}

	private static void apply(PlaceOrderSagaOrchestrator saga, IncomingMessage message) {
		PaymentReply reply = message.data(PaymentReply.class);
		switch (message.envelope().type()) {
			case "payment.authorized" -> saga.paymentAuthorized(reply.orderId(), reply.paymentId());
			case "payment.declined" -> saga.paymentDeclined(reply.orderId());
			case "payment.refunded" -> saga.paymentRefunded(reply.orderId(), reply.paymentId());
			default -> throw new IllegalArgumentException("Unexpected " + message.envelope().type());
		}
	}

	/**
	 * What the saga reads of a payment reply (tolerant reader).
	 *
	 * @param orderId the order
	 * @param paymentId the payment
	 */
	record PaymentReply(UUID orderId, UUID paymentId) {
	}

}
