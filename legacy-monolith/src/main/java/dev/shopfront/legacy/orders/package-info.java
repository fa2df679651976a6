/**
 * The orders module: an order placed in one transaction that takes the stock itself.
 */
@NullMarked
package dev.shopfront.legacy.orders;

import org.jspecify.annotations.NullMarked;
