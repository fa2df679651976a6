package dev.shopfront.payment.charge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The refund of a payment; a payment is refunded at most once, in full.
 *
 * @param id the refund
 * @param amount the amount refunded
 * @param currency its ISO 4217 currency
 * @param reason why, as order-service said (e.g. {@code CUSTOMER_REQUEST})
 * @param createdAt when
 */
public record Refund(UUID id, BigDecimal amount, String currency, String reason, Instant createdAt) {
}
