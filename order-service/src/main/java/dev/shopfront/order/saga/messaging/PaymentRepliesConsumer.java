package dev.shopfront.order.saga.messaging;

import java.util.UUID;

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
	MessageConsumer paymentReplies(PlaceOrderSagaOrchestrator saga) {
		return MessageConsumer.of("order.payment-events", "payment.events")
			.on("payment.authorized", PaymentReply.class,
					(reply) -> saga.paymentAuthorized(reply.orderId(), reply.paymentId()))
			.on("payment.declined", PaymentReply.class, (reply) -> saga.paymentDeclined(reply.orderId()))
			.on("payment.refunded", PaymentReply.class,
					(reply) -> saga.paymentRefunded(reply.orderId(), reply.paymentId()))
			.build();
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
