/**
 * A fixture of the architecture rules' tests.
 */
@NullMarked
package dev.shopfront.goodshop.shelf.web;

import org.jspecify.annotations.NullMarked;
