/**
 * inventory-service: catalog, stock and reservations.
 */
@NullMarked
package dev.shopfront.inventory;

import org.jspecify.annotations.NullMarked;
