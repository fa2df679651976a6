/**
 * Placing and reading orders, the monolith's way (confirmed at once, no saga).
 */
@NullMarked
package dev.shopfront.legacy.orders.web;

import org.jspecify.annotations.NullMarked;
