package dev.shopfront.order.saga.messaging;

import java.util.UUID;

import dev.shopfront.chassis.messaging.MessageConsumer;
import dev.shopfront.order.saga.PlaceOrderSagaOrchestrator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The participants' messages that move the saga, through the chassis inbox: a message the
 * saga has already applied changes nothing (the saga's own guards), whatever its id.
 */
@Configuration(proxyBeanMethods = false)
class ParticipantMessagesConsumer {

	/**
	 * payment-service's replies to the saga's commands: {@code payment.authorized},
	 * {@code payment.declined}, {@code payment.refunded}.
	 */
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
	 * {@code inventory.reservation-expired}: stock released before the order was paid
	 * cancels the order (normally the payment timeout, far shorter, comes first).
	 */
	@Bean
	MessageConsumer inventoryEvents(PlaceOrderSagaOrchestrator saga) {
		return MessageConsumer.of("order.inventory-events", "inventory.events")
			.on("inventory.reservation-expired", OrderRef.class,
					(expired) -> saga.reservationExpired(expired.orderId()))
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

	/**
	 * What the saga reads of an inventory event.
	 *
	 * @param orderId the order
	 */
	record OrderRef(UUID orderId) {
	}

}
