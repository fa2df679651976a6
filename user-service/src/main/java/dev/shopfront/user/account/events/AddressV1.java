package dev.shopfront.user.account.events;

import org.jspecify.annotations.Nullable;

/**
 * A postal address as account events carry it.
 *
 * @param line1 street and number
 * @param line2 anything else
 * @param city city
 * @param postalCode postal code
 * @param country ISO 3166-1 alpha-2 code
 */
public record AddressV1(String line1, @Nullable String line2, String city, String postalCode, String country) {
}
