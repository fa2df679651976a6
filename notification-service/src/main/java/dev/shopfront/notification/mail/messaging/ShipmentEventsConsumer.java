package dev.shopfront.notification.mail.messaging;

import java.util.List;
import java.util.UUID;

import dev.shopfront.chassis.messaging.IncomingMessage;
import dev.shopfront.chassis.messaging.MessageConsumer;
import dev.shopfront.notification.mail.MailModel;
import dev.shopfront.notification.mail.Notifications;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private static final Logger log = LoggerFactory.getLogger(ShipmentEventsConsumer.class);

	@Bean
	MessageConsumer shipmentEvents(Notifications notifications) {
		return new MessageConsumer(QUEUE, EXCHANGE, List.of(DISPATCHED), (message) -> apply(notifications, message));
	}

	static void apply(Notifications notifications, IncomingMessage message) {
		if (!DISPATCHED.equals(message.envelope().type())) {
			log.warn("Ignoring {} {}: not a dispatch", message.envelope().type(), message.envelope().id());
			return;
		}
		ShipmentDispatchedV1 shipment = message.data(ShipmentDispatchedV1.class);
		notifications.orderDispatched(message.envelope().id(), required(shipment.userId(), "userId"),
				shipment.toModel());
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
