package dev.shopfront.user.account.events;

import dev.shopfront.user.account.Address;
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

	static @Nullable AddressV1 of(@Nullable Address address) {
		return (address != null) ? new AddressV1(address.line1(), address.line2(), address.city(), address.postalCode(),
				address.country()) : null;
	}

}
