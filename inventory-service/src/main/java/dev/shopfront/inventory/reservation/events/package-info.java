/**
 * The reservation events ({@code inventory.reservation-expired}).
 */
@NullMarked
package dev.shopfront.inventory.reservation.events;

import org.jspecify.annotations.NullMarked;
