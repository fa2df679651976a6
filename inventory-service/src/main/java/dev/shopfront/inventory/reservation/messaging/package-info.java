/**
 * Order events that move reservations: confirmed, cancelled, rejected.
 */
@NullMarked
package dev.shopfront.inventory.reservation.messaging;

import org.jspecify.annotations.NullMarked;
