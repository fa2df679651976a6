/**
 * order-service's wiring: security and its settings.
 */
@NullMarked
package dev.shopfront.order.config;

import org.jspecify.annotations.NullMarked;
