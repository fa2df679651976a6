/**
 * The catalog module: products, prices and stock, in the shared schema.
 */
@NullMarked
package dev.shopfront.legacy.catalog;

import org.jspecify.annotations.NullMarked;
