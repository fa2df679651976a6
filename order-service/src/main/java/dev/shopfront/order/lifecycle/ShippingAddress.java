package dev.shopfront.order.lifecycle;

import org.jspecify.annotations.Nullable;

/**
 * Where an order goes.
 *
 * @param line1 street and number
 * @param line2 second line, or null
 * @param city the city
 * @param postalCode the postal code
 * @param country ISO 3166-1 alpha-2, upper case
 */
public record ShippingAddress(String line1, @Nullable String line2, String city, String postalCode, String country) {
}
