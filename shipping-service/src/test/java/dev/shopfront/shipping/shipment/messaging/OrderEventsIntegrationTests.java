package dev.shopfront.shipping.shipment.messaging;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.shopfront.shipping.ShippingServiceApplication;
import dev.shopfront.shipping.ShippingServiceIntegrationTest;
import dev.shopfront.shipping.shipment.Shipment;
import dev.shopfront.shipping.shipment.ShipmentManagement;
import dev.shopfront.shipping.shipment.ShipmentStatus;
import dev.shopfront.shipping.shipment.ShippingAddress;
import dev.shopfront.testsupport.AnotherInstance;
import dev.shopfront.testsupport.EventSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * shipping-service takes order-service's events from the broker: one shipment per
 * confirmed order whatever arrives twice or at once (one instance or two), cancelled with
 * its order until it is dispatched, and events that break their contract retried, then
 * parked.
 */
@ExtendWith(OutputCaptureExtension.class)
class OrderEventsIntegrationTests extends ShippingServiceIntegrationTest {

	@Autowired
	ShipmentManagement shipments;

	private final UUID user = UUID.randomUUID();

	@Test
	void createsTheShipmentOfAConfirmedOrderWithItsCustomerAndAddress() {
		UUID order = UUID.randomUUID();
		send(confirmed(order, this.user, address("12 Analytical Street", null, "London", "NW1 6XE", "GB")));
		Shipment shipment = this.shipments.find(awaitShipment(order)).orElseThrow();
		assertThat(shipment.orderId()).isEqualTo(order);
		assertThat(shipment.userId()).isEqualTo(this.user);
		assertThat(shipment.status()).isEqualTo(ShipmentStatus.CREATED);
		assertThat(shipment.trackingNumber()).matches("SF[A-Z0-9]{10}");
		assertThat(shipment.shippingAddress())
			.isEqualTo(new ShippingAddress("12 Analytical Street", null, "London", "NW1 6XE", "GB"));
		assertThat(shipment.createdAt()).isNotNull();
		assertThat(shipment.dispatchedAt()).isNull();
		// creating a shipment announces nothing
		assertThat(this.jdbc.sql("select count(*) from outbox where subject = ?")
			.param(order.toString())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aConfirmationDeliveredAgainOrRepeatedCreatesOneShipment() {
		UUID order = UUID.randomUUID();
		Message confirmation = confirmed(order, this.user);
		send(confirmation);
		send(confirmation);
		// the same event again under new message ids, the last one with another address
		send(confirmed(order, this.user));
		send(confirmed(order, this.user, address("2 Other Street", null, "Hamburg", "20095", "DE")));
		awaitEventsHandled();

		assertThat(shipments(order)).isOne();
		Shipment shipment = this.shipments.find(awaitShipment(order)).orElseThrow();
		assertThat(shipment.shippingAddress().city()).isEqualTo("Berlin");
		assertThat(shipment.shippingAddress().line2()).isEqualTo("Backyard");
		assertThat(
				this.jdbc.sql("select count(*) from inbox where consumer = 'shipping.order-events' and message_id = ?")
					.param(confirmation.getMessageProperties().getMessageId())
					.query(Long.class)
					.single())
			.isOne();
	}

	@Test
	void theDatabaseRefusesASecondShipmentOfAnOrderAndATrackingNumberTwice() {
		UUID order = UUID.randomUUID();
		insertShipment(order, "SFAAAAAAAAAA");
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> insertShipment(UUID.randomUUID(), "SFAAAAAAAAAA"));
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> insertShipment(order, "SFBBBBBBBBBB"));
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> insertShipment(UUID.randomUUID(), "SFlowercase1"));
		assertThat(shipments(order)).isOne();
	}

	@Test
	void twoInstancesTakingRepeatedConfirmationsAtOnceCreateOneShipment() {
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ShippingServiceApplication.class)
			.run(AnotherInstance.arguments(this.database, this.broker,
					"--shopfront.chassis.messaging.consumer.retry-delays=100ms,200ms",
					"--shopfront.chassis.messaging.consumer.concurrency=4"))) {
			// both instances consume: the broker hands the events out in turn
			await().atMost(WAIT)
				.until(() -> this.rabbit.execute(
						(channel) -> channel.queueDeclarePassive("shipping.order-events").getConsumerCount()) == 5);
			long inboxBefore = handled();
			List<UUID> orders = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
			for (int i = 0; i < 8; i++) {
				for (UUID order : orders) {
					send(confirmed(order, this.user));
				}
			}
			for (UUID order : orders) {
				awaitShipment(order);
			}
			// every copy was handled once: each left its id in the inbox
			await().atMost(WAIT).until(() -> handled() >= inboxBefore + 24);
			for (UUID order : orders) {
				assertThat(shipments(order)).isOne();
			}
		}
	}

	@Test
	void aCancelledOrderCancelsItsShipmentWhileItIsCreated() {
		UUID order = UUID.randomUUID();
		UUID shipment = confirm(order, this.user);
		send(cancelled(order, this.user));
		await().atMost(WAIT).until(() -> status(shipment).equals("CANCELLED"));
		Shipment cancelled = this.shipments.find(shipment).orElseThrow();
		assertThat(cancelled.cancelledAt()).isNotNull();
		assertThat(cancelled.dispatchedAt()).isNull();
		// a second cancellation changes nothing
		send(cancelled(order, this.user));
		awaitEventsHandled();
		assertThat(this.shipments.find(shipment).orElseThrow()).isEqualTo(cancelled);
		assertThat(this.jdbc.sql("select count(*) from outbox where subject = ?")
			.param(order.toString())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aCancelledOrderLeavesADispatchedOrDeliveredShipmentAsItIsAndSaysSo(CapturedOutput output) {
		UUID dispatchedOrder = UUID.randomUUID();
		UUID dispatched = confirm(dispatchedOrder, this.user);
		this.shipments.dispatch(dispatched);
		UUID deliveredOrder = UUID.randomUUID();
		UUID delivered = confirm(deliveredOrder, this.user);
		this.shipments.dispatch(delivered);
		this.shipments.deliver(delivered);
		Shipment dispatchedBefore = this.shipments.find(dispatched).orElseThrow();
		Shipment deliveredBefore = this.shipments.find(delivered).orElseThrow();

		send(cancelled(dispatchedOrder, this.user));
		send(cancelled(deliveredOrder, this.user));
		awaitEventsHandled();

		assertThat(this.shipments.find(dispatched).orElseThrow()).isEqualTo(dispatchedBefore);
		assertThat(this.shipments.find(delivered).orElseThrow()).isEqualTo(deliveredBefore);
		assertThat(output)
			.contains("Order " + dispatchedOrder + " was cancelled, but its shipment " + dispatched
					+ " is DISPATCHED already")
			.contains("Order " + deliveredOrder + " was cancelled, but its shipment " + delivered
					+ " is DELIVERED already");
	}

	@Test
	void aCancelledOrderWithoutAShipmentCreatesNone() {
		UUID order = UUID.randomUUID();
		send(cancelled(order, this.user));
		awaitEventsHandled();
		assertThat(shipments(order)).isZero();
	}

	@Test
	void aConfirmationThatArrivesAfterTheCancellationCreatesTheShipmentCancelled() {
		UUID order = UUID.randomUUID();
		send(cancelled(order, this.user));
		awaitEventsHandled();
		send(confirmed(order, this.user));
		UUID shipment = awaitShipment(order);
		assertThat(status(shipment)).isEqualTo("CANCELLED");
		assertThat(this.shipments.find(shipment).orElseThrow().cancelledAt()).isNotNull();
		assertThat(shipments(order)).isOne();
	}

	@Test
	void eventsThatBreakTheContractAreRetriedThenParked() {
		UUID order = UUID.randomUUID();
		List<Message> broken = List.of(
				event("order.confirmed", order,
						fields("orderId", order, "shippingAddress",
								address("1 Demo Street", null, "Berlin", "10115", "DE")),
						false),
				event("order.confirmed", order, fields("orderId", order, "userId", this.user), false),
				event("order.confirmed", order,
						fields("orderId", order, "userId", this.user, "shippingAddress",
								fields("line1", "1 Demo Street", "postalCode", "10115", "country", "DE")),
						false),
				event("order.cancelled", order, fields("userId", this.user), false));
		for (Message event : broken) {
			send(event);
		}
		for (Message event : broken) {
			Message parked = awaitParked(event.getMessageProperties().getMessageId());
			assertThat(parked.getMessageProperties().getHeaders()).containsEntry("x-shopfront-attempt", 2);
			assertThat(String.valueOf(parked.getMessageProperties().getHeaders().get("x-shopfront-error")))
				.contains("is missing");
		}
		Message unreadable = new Message("not json".getBytes(), confirmed(order, this.user).getMessageProperties());
		send(unreadable);
		assertThat(String.valueOf(awaitParked(unreadable.getMessageProperties().getMessageId()).getMessageProperties()
			.getHeaders()
			.get("x-shopfront-error"))).contains("unreadable");
		assertThat(shipments(order)).isZero();
	}

	@Test
	void skipsVersionsItDoesNotKnow() {
		UUID order = UUID.randomUUID();
		Message future = confirmed(order, this.user);
		future.getMessageProperties()
			.setHeader("cloudEvents:dataschema", "https://shopfront.dev/events/order.confirmed/v2");
		send(future);
		awaitEventsHandled();
		assertThat(shipments(order)).isZero();
	}

	@Test
	void theOrderSchemasRefuseWhatShippingCannotUse() throws IOException {
		UUID order = UUID.randomUUID();
		assertThat(EventSchemas.violations("order.confirmed", 1,
				this.json.writeValueAsString(fields("orderId", order, "userId", this.user, "items",
						List.of(Map.of("sku", "BOOK-0001", "quantity", 1, "unitPrice", "1.00")), "total", "1.00",
						"currency", "EUR", "confirmedAt", "2026-11-25T10:00:00Z"))))
			.isNotEmpty();
		assertThat(EventSchemas.violations("order.cancelled", 1, this.json.writeValueAsString(
				fields("userId", this.user, "reason", "CUSTOMER_REQUEST", "cancelledAt", "2026-11-25T10:00:00Z"))))
			.isNotEmpty();
	}

	private long handled() {
		return this.jdbc.sql("select count(*) from inbox where consumer = 'shipping.order-events'")
			.query(Long.class)
			.single();
	}

	private void insertShipment(UUID order, String trackingNumber) {
		this.jdbc.sql("""
				insert into shipments (id, order_id, user_id, tracking_number, status, ship_line1, ship_city,
				                       ship_postal_code, ship_country, created_at, updated_at)
				values (?, ?, ?, ?, 'CREATED', '1 Demo Street', 'Berlin', '10115', 'DE', now(), now())
				""").params(UUID.randomUUID(), order, this.user, trackingNumber).update();
	}

}
