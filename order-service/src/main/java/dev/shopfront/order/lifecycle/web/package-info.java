/**
 * {@code GET /api/orders}: orders over HTTP, and their problems.
 */
@NullMarked
package dev.shopfront.order.lifecycle.web;

import org.jspecify.annotations.NullMarked;
