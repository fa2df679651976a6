package dev.shopfront.order.saga.participants;

import java.util.UUID;

/**
 * {@code payment.refund} v1: the saga asks payment-service to give an authorised payment
 * back; payment-service answers with payment.refunded.
 *
 * @param orderId the order
 * @param paymentId the payment
 * @param amount a decimal string
 * @param currency ISO 4217
 * @param reason why (CUSTOMER_REQUEST, LATE_AUTHORIZATION, DUPLICATE_AUTHORIZATION)
 */
public record RefundPaymentV1(UUID orderId, UUID paymentId, String amount, String currency, String reason) {
}
