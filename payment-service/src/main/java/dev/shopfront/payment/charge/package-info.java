/**
 * Charges of orders: a {@link dev.shopfront.payment.charge.Payment} decided once by the
 * provider, refunded at most once.
 */
@NullMarked
package dev.shopfront.payment.charge;

import org.jspecify.annotations.NullMarked;
