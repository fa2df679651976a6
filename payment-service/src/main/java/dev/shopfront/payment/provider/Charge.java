package dev.shopfront.payment.provider;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A charge to authorise.
 *
 * @param reference the merchant's reference (the order id), which a real provider uses as
 * its idempotency key
 * @param amount the amount, above 0
 * @param currency its ISO 4217 currency
 * @param card the card token
 */
public record Charge(UUID reference, BigDecimal amount, String currency, CardToken card) {
}
