/**
 * {@code /internal/reservations}: the reservation API order-service calls, and its
 * problems.
 */
@NullMarked
package dev.shopfront.inventory.reservation.web;

import org.jspecify.annotations.NullMarked;
