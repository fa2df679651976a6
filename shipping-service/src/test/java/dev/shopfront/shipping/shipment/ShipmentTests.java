package dev.shopfront.shipping.shipment;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The shipment's state machine: CREATED → DISPATCHED → DELIVERED, CREATED → CANCELLED,
 * nothing else; every refusal names the status the shipment is in.
 */
class ShipmentTests {

	private static final Instant CREATED_AT = Instant.parse("2026-11-25T10:00:00Z");

	private static final Instant DISPATCHED_AT = Instant.parse("2026-11-26T08:00:00Z");

	private static final Instant DELIVERED_AT = Instant.parse("2026-11-27T14:00:00Z");

	private final UUID user = UUID.randomUUID();

	private final Shipment created = Shipment.create(UUID.randomUUID(), UUID.randomUUID(), this.user, "SF0123456789",
			new ShippingAddress("1 Demo Street", null, "Berlin", "10115", "DE"), CREATED_AT);

	@Test
	void aNewShipmentIsCreatedAndHasOnlyItsCreationTime() {
		assertThat(this.created.status()).isEqualTo(ShipmentStatus.CREATED);
		assertThat(this.created.createdAt()).isEqualTo(CREATED_AT);
		assertThat(this.created.dispatchedAt()).isNull();
		assertThat(this.created.deliveredAt()).isNull();
		assertThat(this.created.cancelledAt()).isNull();
	}

	@Test
	void isDispatchedThenDeliveredKeepingWhatItWas() {
		Shipment dispatched = this.created.dispatch(DISPATCHED_AT);
		assertThat(dispatched.status()).isEqualTo(ShipmentStatus.DISPATCHED);
		assertThat(dispatched.dispatchedAt()).isEqualTo(DISPATCHED_AT);
		assertThat(dispatched.deliveredAt()).isNull();
		Shipment delivered = dispatched.deliver(DELIVERED_AT);
		assertThat(delivered.status()).isEqualTo(ShipmentStatus.DELIVERED);
		assertThat(delivered.dispatchedAt()).isEqualTo(DISPATCHED_AT);
		assertThat(delivered.deliveredAt()).isEqualTo(DELIVERED_AT);
		assertThat(delivered.cancelledAt()).isNull();
		assertThat(delivered).usingRecursiveComparison()
			.comparingOnlyFields("id", "orderId", "userId", "trackingNumber", "shippingAddress", "createdAt")
			.isEqualTo(this.created);
		// the originals are untouched
		assertThat(this.created.status()).isEqualTo(ShipmentStatus.CREATED);
		assertThat(dispatched.status()).isEqualTo(ShipmentStatus.DISPATCHED);
	}

	@Test
	void isCancelledWhileCreated() {
		Shipment cancelled = this.created.cancel(DISPATCHED_AT);
		assertThat(cancelled.status()).isEqualTo(ShipmentStatus.CANCELLED);
		assertThat(cancelled.cancelledAt()).isEqualTo(DISPATCHED_AT);
		assertThat(cancelled.dispatchedAt()).isNull();
	}

	@Test
	void isNotDispatchedTwice() {
		Shipment dispatched = this.created.dispatch(DISPATCHED_AT);
		assertRefused(() -> dispatched.dispatch(DELIVERED_AT), dispatched, ShipmentStatus.DISPATCHED);
	}

	@Test
	void isNotDeliveredBeforeItWasDispatched() {
		assertRefused(() -> this.created.deliver(DELIVERED_AT), this.created, ShipmentStatus.DELIVERED);
	}

	@Test
	void aCancelledShipmentGoesNowhere() {
		Shipment cancelled = this.created.cancel(DISPATCHED_AT);
		assertRefused(() -> cancelled.dispatch(DELIVERED_AT), cancelled, ShipmentStatus.DISPATCHED);
		assertRefused(() -> cancelled.deliver(DELIVERED_AT), cancelled, ShipmentStatus.DELIVERED);
		assertRefused(() -> cancelled.cancel(DELIVERED_AT), cancelled, ShipmentStatus.CANCELLED);
	}

	@Test
	void aShipmentThatLeftTheWarehouseIsNotCancelled() {
		Shipment dispatched = this.created.dispatch(DISPATCHED_AT);
		assertRefused(() -> dispatched.cancel(DELIVERED_AT), dispatched, ShipmentStatus.CANCELLED);
		Shipment delivered = dispatched.deliver(DELIVERED_AT);
		assertRefused(() -> delivered.cancel(DELIVERED_AT), delivered, ShipmentStatus.CANCELLED);
		assertRefused(() -> delivered.dispatch(DELIVERED_AT), delivered, ShipmentStatus.DISPATCHED);
		assertRefused(() -> delivered.deliver(DELIVERED_AT), delivered, ShipmentStatus.DELIVERED);
	}

	@ParameterizedTest
	@EnumSource(ShipmentStatus.class)
	void nothingMovesBackOrStaysInPlace(ShipmentStatus status) {
		assertThat(status.canMoveTo(ShipmentStatus.CREATED)).isFalse();
		assertThat(status.canMoveTo(status)).isFalse();
	}

	@Test
	void belongsToTheCustomerWhoPlacedTheOrder() {
		assertThat(this.created.belongsTo(this.user.toString())).isTrue();
		assertThat(this.created.belongsTo(UUID.randomUUID().toString())).isFalse();
		assertThat(this.created.belongsTo("order-service")).isFalse();
	}

	private static void assertRefused(Runnable transition, Shipment shipment, ShipmentStatus to) {
		assertThatExceptionOfType(IllegalShipmentTransitionException.class).isThrownBy(transition::run)
			.satisfies((ex) -> {
				assertThat(ex.refused().shipmentId()).isEqualTo(shipment.id());
				assertThat(ex.refused().from()).isEqualTo(shipment.status());
				assertThat(ex.refused().to()).isEqualTo(to);
			})
			.withMessageContaining(shipment.status().name());
	}

}
