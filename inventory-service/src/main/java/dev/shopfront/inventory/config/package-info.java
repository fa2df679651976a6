/**
 * inventory-service's wiring: security.
 */
@NullMarked
package dev.shopfront.inventory.config;
