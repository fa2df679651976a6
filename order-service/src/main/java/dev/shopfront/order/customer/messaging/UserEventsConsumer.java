package dev.shopfront.order.customer.messaging;

import java.util.UUID;

import dev.shopfront.chassis.messaging.MessageConsumer;
import dev.shopfront.order.customer.Customers;
import dev.shopfront.order.lifecycle.ShippingAddress;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the local copy of customers from {@code user.registered} and
 * {@code user.updated}.
 */
@Configuration(proxyBeanMethods = false)
class UserEventsConsumer {

	private static final Logger log = LoggerFactory.getLogger(UserEventsConsumer.class);

	@Bean
	MessageConsumer userEvents(Customers customers) {
		return MessageConsumer.of("order.user-events", "user.events")
			.on("user.registered", UserData.class, (user) -> apply(customers, user))
			.on("user.updated", UserData.class, (user) -> apply(customers, user))
			.build();
	}

	private static void apply(Customers customers, UserData user) {
		Address address = user.shippingAddress();
		ShippingAddress shipping = (address != null) ? new ShippingAddress(address.line1(), address.line2(),
				address.city(), address.postalCode(), address.country()) : null;
		if (!customers.apply(user.userId(), user.email(), user.fullName(), shipping, user.version())) {
			log.debug("Ignored an event of user {}: version {} is not newer", user.userId(), user.version());
		}
	}

	/**
	 * What order-service reads of a user event (tolerant reader).
	 *
	 * @param userId the user
	 * @param email the e-mail address
	 * @param fullName the name
	 * @param shippingAddress the default address or null
	 * @param version the account's version
	 */
	record UserData(UUID userId, String email, String fullName, @Nullable Address shippingAddress, long version) {
	}

	/**
	 * An address in a user event.
	 *
	 * @param line1 street and number
	 * @param line2 second line or null
	 * @param city the city
	 * @param postalCode the postal code
	 * @param country ISO 3166-1 alpha-2
	 */
	record Address(String line1, @Nullable String line2, String city, String postalCode, String country) {
	}

}
