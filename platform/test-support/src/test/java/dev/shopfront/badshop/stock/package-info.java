/**
 * A fixture of the architecture rules' tests.
 */
@NullMarked
package dev.shopfront.badshop.stock;

import org.jspecify.annotations.NullMarked;
