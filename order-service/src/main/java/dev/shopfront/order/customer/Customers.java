package dev.shopfront.order.customer;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import dev.shopfront.order.lifecycle.ShippingAddress;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * order-service's local copy of the user data it needs, kept from user-service's events
 * so that placing an order never calls user-service.
 */
@Repository
public class Customers {

	private final JdbcClient jdbc;

	private final Clock clock;

	Customers(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The customer's default shipping address, if the copy has one.
	 * @param userId the customer
	 * @return the address
	 */
	public Optional<ShippingAddress> defaultShippingAddress(UUID userId) {
		return this.jdbc.sql("""
				select ship_line1, ship_line2, ship_city, ship_postal_code, ship_country
				from customers where user_id = ? and ship_line1 is not null""")
			.param(userId)
			.query((rs, row) -> new ShippingAddress(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.optional();
	}

	/**
	 * Applies a copy of the user's data unless a newer one was applied already (events
	 * may arrive out of order or twice).
	 * @param userId the user
	 * @param email the e-mail address
	 * @param fullName the name
	 * @param address the default shipping address, or null
	 * @param version the account's version in the event
	 * @return whether the copy changed
	 */
	public boolean apply(UUID userId, String email, String fullName, @Nullable ShippingAddress address, long version) {
		return this.jdbc.sql("""
				insert into customers (user_id, email, full_name, ship_line1, ship_line2, ship_city,
				                       ship_postal_code, ship_country, version, updated_at)
				values (:id, :email, :name, :line1, :line2, :city, :postal, :country, :version, :now)
				on conflict (user_id) do update set email = excluded.email, full_name = excluded.full_name,
				    ship_line1 = excluded.ship_line1, ship_line2 = excluded.ship_line2, ship_city = excluded.ship_city,
				    ship_postal_code = excluded.ship_postal_code, ship_country = excluded.ship_country,
				    version = excluded.version, updated_at = excluded.updated_at
				where customers.version < excluded.version""")
			.param("id", userId)
			.param("email", email)
			.param("name", fullName)
			.param("line1", (address != null) ? address.line1() : null)
			.param("line2", (address != null) ? address.line2() : null)
			.param("city", (address != null) ? address.city() : null)
			.param("postal", (address != null) ? address.postalCode() : null)
			.param("country", (address != null) ? address.country() : null)
			.param("version", version)
			.param("now", Timestamp.from(this.clock.instant()))
			.update() == 1;
	}

}
