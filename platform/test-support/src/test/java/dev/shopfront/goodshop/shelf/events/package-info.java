/**
 * A fixture of the architecture rules' tests.
 */
@NullMarked
package dev.shopfront.goodshop.shelf.events;

import org.jspecify.annotations.NullMarked;
