package dev.shopfront.inventory.reservation.events;

import java.util.UUID;

/**
 * {@code inventory.reservation-expired} v1: a reservation was never committed and its
 * stock went back.
 *
 * @param orderId the order whose reservation expired
 */
public record ReservationExpiredV1(UUID orderId) {
}
