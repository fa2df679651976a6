package dev.shopfront.order.lifecycle;

import java.time.Instant;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.jspecify.annotations.Nullable;

/**
 * An entry of an order's history.
 *
 * @param status the status the order moved to
 * @param reason why, for a cancelled or rejected order, or a payment note
 * @param at when
 */
@Embeddable
public record StatusChange(@Enumerated(EnumType.STRING) OrderStatus status, @Nullable String reason, Instant at) {
}
