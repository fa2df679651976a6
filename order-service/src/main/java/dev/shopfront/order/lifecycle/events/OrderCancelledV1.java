package dev.shopfront.order.lifecycle.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code order.cancelled} v1: an accepted order was cancelled; inventory releases or
 * returns its stock.
 *
 * @param orderId the order
 * @param userId its customer
 * @param reason PAYMENT_DECLINED, PAYMENT_TIMEOUT, CUSTOMER_REQUEST or
 * RESERVATION_EXPIRED
 * @param cancelledAt when
 */
public record OrderCancelledV1(UUID orderId, UUID userId, String reason, Instant cancelledAt) {
}
