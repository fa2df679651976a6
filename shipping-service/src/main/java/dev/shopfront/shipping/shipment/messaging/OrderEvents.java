package dev.shopfront.shipping.shipment.messaging;

import java.util.UUID;

import dev.shopfront.chassis.messaging.InvalidMessageException;
import dev.shopfront.shipping.shipment.ShippingAddress;
import org.jspecify.annotations.Nullable;

/**
 * The order events shipping-service takes (schemas in docs/events/), as it reads them:
 * only the fields it needs (tolerant reader), checked.
 */
final class OrderEvents {

	/** Topic exchange of order events (order-service publishes there). */
	static final String EXCHANGE = "order.events";

	/** {@code order.confirmed} v1: {@link OrderConfirmedV1}. */
	static final String CONFIRMED = "order.confirmed";

	/** {@code order.cancelled} v1: {@link OrderCancelledV1}. */
	static final String CANCELLED = "order.cancelled";

	/** shipping-service's queue of order events. */
	static final String QUEUE = "shipping.order-events";

	private OrderEvents() {
	}

	/**
	 * {@code order.confirmed} v1: an order was paid.
	 *
	 * @param orderId the order
	 * @param userId its customer
	 * @param shippingAddress where it goes
	 */
	record OrderConfirmedV1(@Nullable UUID orderId, @Nullable UUID userId, @Nullable Address shippingAddress) {

		UUID requiredOrderId() {
			return required(this.orderId, "orderId");
		}

		UUID requiredUserId() {
			return required(this.userId, "userId");
		}

		ShippingAddress requiredShippingAddress() {
			Address address = required(this.shippingAddress, "shippingAddress");
			return new ShippingAddress(required(address.line1(), "shippingAddress.line1"), address.line2(),
					required(address.city(), "shippingAddress.city"),
					required(address.postalCode(), "shippingAddress.postalCode"),
					required(address.country(), "shippingAddress.country"));
		}

	}

	/**
	 * The shipping address of {@code order.confirmed}.
	 *
	 * @param line1 street and number
	 * @param line2 second line, or null
	 * @param city the city
	 * @param postalCode the postal code
	 * @param country ISO 3166-1 alpha-2
	 */
	record Address(@Nullable String line1, @Nullable String line2, @Nullable String city, @Nullable String postalCode,
			@Nullable String country) {
	}

	/**
	 * {@code order.cancelled} v1: an accepted order was cancelled.
	 *
	 * @param orderId the order
	 */
	record OrderCancelledV1(@Nullable UUID orderId) {

		UUID requiredOrderId() {
			return required(this.orderId, "orderId");
		}

	}

	private static <T> T required(@Nullable T value, String field) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			throw new InvalidMessageException(field + " is missing");
		}
		return value;
	}

}
