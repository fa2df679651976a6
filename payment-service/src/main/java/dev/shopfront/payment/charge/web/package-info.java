/**
 * {@code GET /api/payments}: an order's payments over HTTP, and their problems.
 */
@NullMarked
package dev.shopfront.payment.charge.web;

import org.jspecify.annotations.NullMarked;
