package dev.shopfront.order.saga.participants;

import java.util.Objects;
import java.util.UUID;

import dev.shopfront.chassis.messaging.EventType;
import dev.shopfront.chassis.messaging.Outbox;
import dev.shopfront.order.lifecycle.Order;

import org.springframework.stereotype.Component;

/**
 * payment-service as the saga's participant, over messages: the saga's commands to it
 * ({@code payment.authorize}, {@code payment.refund} on the {@code payment.commands}
 * exchange), written to the outbox in the saga's transaction. Its replies come back as
 * events on {@code payment.events} (see
 * {@code saga.messaging.ParticipantMessagesConsumer}).
 */
@Component
public class PaymentParticipant {

	/** Topic exchange of commands to payment-service; routing key = command type. */
	public static final String EXCHANGE = "payment.commands";

	/** {@code payment.authorize} v1: {@link AuthorizePaymentV1}. */
	public static final EventType AUTHORIZE = new EventType(EXCHANGE, "payment.authorize", 1);

	/** {@code payment.refund} v1: {@link RefundPaymentV1}. */
	public static final EventType REFUND = new EventType(EXCHANGE, "payment.refund", 1);

	private final Outbox outbox;

	PaymentParticipant(Outbox outbox) {
		this.outbox = outbox;
	}

	/**
	 * Asks payment-service to authorise a priced order's total; it answers
	 * {@code payment.authorized} or {@code payment.declined}.
	 * @param order the order
	 * @param cardToken the card to charge
	 */
	public void requestAuthorization(Order order, String cardToken) {
		this.outbox.publish(AUTHORIZE, order.id().toString(), new AuthorizePaymentV1(order.id(), order.userId(),
				amount(order), Objects.requireNonNull(order.currency(), "currency"), cardToken));
	}

	/**
	 * Asks payment-service to give a payment of the order back; it answers
	 * {@code payment.refunded}.
	 * @param order the order
	 * @param paymentId the payment
	 * @param reason why, e.g. {@code CUSTOMER_REQUEST}
	 */
	public void requestRefund(Order order, UUID paymentId, String reason) {
		this.outbox.publish(REFUND, order.id().toString(), new RefundPaymentV1(order.id(), paymentId, amount(order),
				Objects.requireNonNull(order.currency(), "currency"), reason));
	}

	private static String amount(Order order) {
		return Objects.requireNonNull(order.total(), "total").toPlainString();
	}

}
