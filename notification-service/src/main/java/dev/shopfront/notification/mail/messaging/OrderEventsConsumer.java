package dev.shopfront.notification.mail.messaging;

import java.util.List;
import java.util.UUID;

import dev.shopfront.chassis.messaging.MessageConsumer;
import dev.shopfront.notification.mail.MailModel;
import dev.shopfront.notification.mail.Notifications;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static dev.shopfront.notification.mail.messaging.EventData.decimal;
import static dev.shopfront.notification.mail.messaging.EventData.required;

/**
 * Takes order-service's events from {@code notification.order-events}: a confirmed order
 * gets its confirmation e-mail, a cancelled one the reason why.
 */
@Configuration(proxyBeanMethods = false)
class OrderEventsConsumer {

	static final String QUEUE = "notification.order-events";

	static final String EXCHANGE = "order.events";

	static final String CONFIRMED = "order.confirmed";

	static final String CANCELLED = "order.cancelled";

	@Bean
	MessageConsumer orderEvents(Notifications notifications) {
		return MessageConsumer.of(QUEUE, EXCHANGE)
			.on(CONFIRMED, OrderConfirmedV1.class,
					(order, envelope) -> notifications.orderConfirmed(envelope.id(), required(order.userId(), "userId"),
							order.toModel()))
			.on(CANCELLED, OrderCancelledV1.class,
					(order, envelope) -> notifications.orderCancelled(envelope.id(), required(order.userId(), "userId"),
							order.toModel()))
			.build();
	}

	/**
	 * What notification-service reads of {@code order.confirmed} v1 (tolerant reader).
	 *
	 * @param orderId the order
	 * @param userId its customer
	 * @param items what was ordered
	 * @param total the sum, a decimal string
	 * @param currency ISO 4217
	 * @param shippingAddress where it goes
	 */
	record OrderConfirmedV1(@Nullable UUID orderId, @Nullable UUID userId, @Nullable List<Item> items,
			@Nullable String total, @Nullable String currency, @Nullable Address shippingAddress) {

		MailModel.OrderConfirmed toModel() {
			List<Item> lines = required(this.items, "items");
			if (lines.isEmpty()) {
				throw new EventData.InvalidEventException("items is empty");
			}
			Address address = required(this.shippingAddress, "shippingAddress");
			return new MailModel.OrderConfirmed(required(this.orderId, "orderId"),
					lines.stream().map(Item::toLine).toList(), decimal(this.total, "total"),
					required(this.currency, "currency"),
					new MailModel.Address(required(address.line1(), "shippingAddress.line1"), address.line2(),
							required(address.city(), "shippingAddress.city"),
							required(address.postalCode(), "shippingAddress.postalCode"),
							required(address.country(), "shippingAddress.country")));
		}

	}

	/**
	 * An ordered item.
	 *
	 * @param sku the product
	 * @param quantity units
	 * @param unitPrice price of one unit, a decimal string
	 */
	record Item(@Nullable String sku, @Nullable Integer quantity, @Nullable String unitPrice) {

		MailModel.Line toLine() {
			int units = required(this.quantity, "items.quantity");
			if (units < 1) {
				throw new EventData.InvalidEventException("items.quantity must be at least 1");
			}
			return new MailModel.Line(required(this.sku, "items.sku"), units,
					decimal(this.unitPrice, "items.unitPrice"));
		}

	}

	/**
	 * A shipping address.
	 *
	 * @param line1 street and number
	 * @param line2 second line or null
	 * @param city the city
	 * @param postalCode the postal code
	 * @param country ISO 3166-1 alpha-2
	 */
	record Address(@Nullable String line1, @Nullable String line2, @Nullable String city, @Nullable String postalCode,
			@Nullable String country) {
	}

	/**
	 * What notification-service reads of {@code order.cancelled} v1 (tolerant reader).
	 *
	 * @param orderId the order
	 * @param userId its customer
	 * @param reason why
	 */
	record OrderCancelledV1(@Nullable UUID orderId, @Nullable UUID userId, @Nullable String reason) {

		MailModel.OrderCancelled toModel() {
			return new MailModel.OrderCancelled(required(this.orderId, "orderId"), required(this.reason, "reason"));
		}

	}

}
