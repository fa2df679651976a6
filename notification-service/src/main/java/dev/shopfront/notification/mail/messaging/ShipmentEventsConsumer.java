package dev.shopfront.notification.mail.messaging;

import java.util.UUID;

import dev.shopfront.chassis.messaging.MessageConsumer;
import dev.shopfront.notification.mail.MailModel;
import dev.shopfront.notification.mail.Notifications;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static dev.shopfront.notification.mail.messaging.EventData.required;

/**
 * Takes shipping-service's events from {@code notification.shipment-events}: a dispatched
 * shipment gets its dispatch e-mail with the tracking number.
 */
@Configuration(proxyBeanMethods = false)
class ShipmentEventsConsumer {

	static final String QUEUE = "notification.shipment-events";

	static final String EXCHANGE = "shipping.events";

	static final String DISPATCHED = "shipment.dispatched";

	@Bean
	MessageConsumer shipmentEvents(Notifications notifications) {
		return MessageConsumer.of(QUEUE, EXCHANGE)
			.on(DISPATCHED, ShipmentDispatchedV1.class,
					(shipment, envelope) -> notifications.orderDispatched(envelope.id(),
							required(shipment.userId(), "userId"), shipment.toModel()))
			.build();
	}

	/**
	 * What notification-service reads of {@code shipment.dispatched} v1 (tolerant
	 * reader).
	 *
	 * @param shipmentId the shipment
	 * @param orderId its order
	 * @param userId the order's customer
	 * @param trackingNumber the carrier's tracking number
	 */
	record ShipmentDispatchedV1(@Nullable UUID shipmentId, @Nullable UUID orderId, @Nullable UUID userId,
			@Nullable String trackingNumber) {

		MailModel.OrderDispatched toModel() {
			return new MailModel.OrderDispatched(required(this.orderId, "orderId"),
					required(this.shipmentId, "shipmentId"), required(this.trackingNumber, "trackingNumber"));
		}

	}

}
