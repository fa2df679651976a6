package dev.shopfront.user.account;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
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
@Embeddable
public record Address(@Column(name = "address_line1") String line1,
		@Column(name = "address_line2") @Nullable String line2, @Column(name = "address_city") String city,
		@Column(name = "address_postal_code") String postalCode, @Column(name = "address_country") String country) {
}
