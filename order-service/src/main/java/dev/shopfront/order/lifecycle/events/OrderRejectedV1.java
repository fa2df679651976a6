package dev.shopfront.order.lifecycle.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code order.rejected} v1: an order was refused at placement after its stock was asked
 * for; inventory releases whatever it may hold for it (a reservation made after
 * order-service gave up waiting, or one it could not use).
 *
 * @param orderId the order
 * @param userId its customer
 * @param reason OUT_OF_STOCK, UNKNOWN_PRODUCT, MIXED_CURRENCIES, TOTAL_TOO_LARGE or
 * INVENTORY_UNAVAILABLE
 * @param rejectedAt when
 */
public record OrderRejectedV1(UUID orderId, UUID userId, String reason, Instant rejectedAt) {
}
