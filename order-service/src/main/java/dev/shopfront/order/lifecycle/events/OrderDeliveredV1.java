package dev.shopfront.order.lifecycle.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code order.delivered} v1: the order reached its customer.
 *
 * @param orderId the order
 * @param userId its customer
 * @param at when
 */
public record OrderDeliveredV1(UUID orderId, UUID userId, Instant at) {
}
