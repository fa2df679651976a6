/**
 * inventory-service's wiring: security.
 */
@NullMarked
package dev.shopfront.inventory.config;

import org.jspecify.annotations.NullMarked;
