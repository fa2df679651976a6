package dev.shopfront.order.lifecycle;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An entry of an order's history.
 *
 * @param status the status the order moved to
 * @param reason why, for a cancelled or rejected order, or a payment note
 * @param at when
 */
public record StatusChange(OrderStatus status, @Nullable String reason, Instant at) {
}
