/**
 * The catalog: products, their prices and stock, and the use cases that change them (one
 * transactional method each).
 */
@NullMarked
package dev.shopfront.inventory.catalog;

import org.jspecify.annotations.NullMarked;
