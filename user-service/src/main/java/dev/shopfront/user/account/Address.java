package dev.shopfront.user.account;

import org.jspecify.annotations.Nullable;

/**
 * A postal address; the country is an ISO 3166-1 alpha-2 code.
 *
 * @param line1 street and number
 * @param line2 anything else
 * @param city city
 * @param postalCode postal code
 * @param country country code
 */
public record Address(String line1, @Nullable String line2, String city, String postalCode, String country) {
}
