/**
 * {@code POST /api/orders} and {@code POST /api/orders/{id}/cancel}, and their problems.
 */
@NullMarked
package dev.shopfront.order.saga.web;

import org.jspecify.annotations.NullMarked;
