package dev.shopfront.order.lifecycle;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
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
@Embeddable
public record ShippingAddress(@Column(name = "ship_line1") String line1,
		@Column(name = "ship_line2") @Nullable String line2, @Column(name = "ship_city") String city,
		@Column(name = "ship_postal_code") String postalCode, @Column(name = "ship_country") String country) {
}
