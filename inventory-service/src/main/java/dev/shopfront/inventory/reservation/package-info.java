/**
 * Reservations of stock for orders: all or nothing, idempotent by order id, with a
 * lifecycle ({@link dev.shopfront.inventory.reservation.ReservationMove}) that never
 * makes or loses a unit.
 */
@NullMarked
package dev.shopfront.inventory.reservation;

import org.jspecify.annotations.NullMarked;
