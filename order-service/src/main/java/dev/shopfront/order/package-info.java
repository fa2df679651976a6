/**
 * order-service: orders and the order saga (orchestrator).
 */
@NullMarked
package dev.shopfront.order;

import org.jspecify.annotations.NullMarked;
