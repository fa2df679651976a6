/**
 * The catalog's integration events ({@code inventory.stock-changed}) and the exchange
 * inventory-service publishes to.
 */
@NullMarked
package dev.shopfront.inventory.catalog.events;

import org.jspecify.annotations.NullMarked;
