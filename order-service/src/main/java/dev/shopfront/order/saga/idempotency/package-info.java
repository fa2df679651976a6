/**
 * The Idempotency-Key protocol of {@code POST /api/orders}: the keys and the rules for a
 * repeat.
 */
@NullMarked
package dev.shopfront.order.saga.idempotency;

import org.jspecify.annotations.NullMarked;
