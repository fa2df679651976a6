/**
 * shipping-service's wiring: security.
 */
@NullMarked
package dev.shopfront.shipping.config;

import org.jspecify.annotations.NullMarked;
