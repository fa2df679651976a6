/**
 * payment-service's wiring: security and its settings.
 */
@NullMarked
package dev.shopfront.payment.config;

import org.jspecify.annotations.NullMarked;
