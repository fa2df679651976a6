package dev.shopfront.notification.mail.messaging;

import java.util.List;
import java.util.UUID;

import dev.shopfront.chassis.messaging.IncomingMessage;
import dev.shopfront.notification.mail.MailModel;
import dev.shopfront.notification.mail.messaging.EventData.InvalidEventException;
import dev.shopfront.notification.mail.messaging.OrderEventsConsumer.Address;
import dev.shopfront.notification.mail.messaging.OrderEventsConsumer.Item;
import dev.shopfront.notification.mail.messaging.OrderEventsConsumer.OrderCancelledV1;
import dev.shopfront.notification.mail.messaging.OrderEventsConsumer.OrderConfirmedV1;
import dev.shopfront.notification.mail.messaging.ShipmentEventsConsumer.ShipmentDispatchedV1;
import dev.shopfront.notification.mail.messaging.UserEventsConsumer.UserData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What notification-service reads of each event, read the way the chassis reads it
 * (unknown fields ignored), and the events that break their contract.
 */
class EventContractsTests {

	private final UUID order = UUID.randomUUID();

	private final UUID user = UUID.randomUUID();

	@Test
	void readsAConfirmedOrderAndIgnoresWhatItDoesNotNeed() {
		OrderConfirmedV1 event = IncomingMessage.readData("""
				{"orderId": "%s", "userId": "%s", "items": [{"sku": "MUG-001", "quantity": 2, "unitPrice": "12.50",
				"name": "Mug"}], "total": "25.00", "currency": "EUR", "confirmedAt": "2026-01-01T00:00:00Z",
				"shippingAddress": {"line1": "a", "line2": null, "city": "b", "postalCode": "c", "country": "DE"},
				"somethingNew": true}
				""".formatted(this.order, this.user), OrderConfirmedV1.class);
		assertThat(event.toModel())
			.isEqualTo(new MailModel.OrderConfirmed(this.order, List.of(new MailModel.Line("MUG-001", 2, "12.50")),
					"25.00", "EUR", new MailModel.Address("a", null, "b", "c", "DE")));
	}

	@Test
	void aConfirmedOrderThatBreaksItsContractIsRefused() {
		Address address = new Address("a", null, "b", "c", "DE");
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> new OrderConfirmedV1(this.order, this.user, null, "1.00", "EUR", address).toModel())
			.withMessage("items is missing");
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> new OrderConfirmedV1(this.order, this.user, List.of(), "1.00", "EUR", address).toModel())
			.withMessage("items is empty");
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> new OrderConfirmedV1(this.order, this.user, List.of(new Item("MUG-001", 0, "1.00")),
					"1.00", "EUR", address)
				.toModel())
			.withMessage("items.quantity must be at least 1");
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> new OrderConfirmedV1(this.order, this.user, List.of(new Item("MUG-001", 1, "1.00")),
					"one euro", "EUR", address)
				.toModel())
			.withMessageStartingWith("total must be a decimal string");
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> new OrderConfirmedV1(this.order, this.user, List.of(new Item("MUG-001", 1, "1.00")),
					"1.00", "EUR", new Address(" ", null, "b", "c", "DE"))
				.toModel())
			.withMessage("shippingAddress.line1 is missing");
	}

	@Test
	void readsACancelledOrderAndADispatch() {
		assertThat(new OrderCancelledV1(this.order, this.user, "PAYMENT_TIMEOUT").toModel())
			.isEqualTo(new MailModel.OrderCancelled(this.order, "PAYMENT_TIMEOUT"));
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> new OrderCancelledV1(this.order, this.user, null).toModel())
			.withMessage("reason is missing");
		UUID shipment = UUID.randomUUID();
		assertThat(new ShipmentDispatchedV1(shipment, this.order, this.user, "SF0000000001").toModel())
			.isEqualTo(new MailModel.OrderDispatched(this.order, shipment, "SF0000000001"));
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> new ShipmentDispatchedV1(shipment, this.order, this.user, null).toModel())
			.withMessage("trackingNumber is missing");
	}

	@Test
	void aUserEventNeedsItsVersion() {
		assertThat(new UserData(this.user, "a@example.test", "A", true, 3L).toRecipient().version()).isEqualTo(3);
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> new UserData(this.user, "a@example.test", "A", true, null).toRecipient())
			.withMessage("version is missing");
	}

	@Test
	void anAddressIsVerifiedOnlyWhenTheEventSaysSo() {
		assertThat(new UserData(this.user, "a@example.test", "A", true, 3L).toRecipient().emailVerified()).isTrue();
		assertThat(new UserData(this.user, "a@example.test", "A", false, 3L).toRecipient().emailVerified()).isFalse();
		// an event from before verification existed
		assertThat(new UserData(this.user, "a@example.test", "A", null, 3L).toRecipient().emailVerified()).isFalse();
	}

}
