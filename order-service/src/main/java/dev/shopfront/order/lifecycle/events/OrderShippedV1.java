package dev.shopfront.order.lifecycle.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code order.shipped} v1: the order left the warehouse.
 *
 * @param orderId the order
 * @param userId its customer
 * @param at when
 */
public record OrderShippedV1(UUID orderId, UUID userId, Instant at) {
}
