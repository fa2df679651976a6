package dev.shopfront.order.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The order guards its own status: only the transitions of the design, each recorded.
 */
class OrderTests {

	private final Instant now = Instant.parse("2026-11-25T10:00:00Z");

	private final ShippingAddress address = new ShippingAddress("1 Main Street", null, "Springfield", "12345", "DE");

	private Order order() {
		Map<String, Integer> quantities = new LinkedHashMap<>();
		quantities.put("SKU-B", 2);
		quantities.put("SKU-A", 1);
		return Order.place(UUID.randomUUID(), UUID.randomUUID(), quantities, this.address, this.now);
	}

	@Test
	void pricingKeepsTheCustomersLineOrderAndSumsTheTotal() {
		Order order = order();
		order.price(Map.of("SKU-A", new BigDecimal("19.99"), "SKU-B", new BigDecimal("5.5")), "EUR", this.now);
		assertThat(order.lines()).extracting(OrderLine::sku).containsExactly("SKU-B", "SKU-A");
		assertThat(order.lines()).extracting(OrderLine::unitPrice)
			.containsExactly(new BigDecimal("5.50"), new BigDecimal("19.99"));
		assertThat(order.total()).isEqualByComparingTo("30.99");
		assertThat(order.currency()).isEqualTo("EUR");
	}

	@Test
	void anOrderCannotCostMoreThanAnAmountColumnHolds() {
		Order order = order();
		assertThatExceptionOfType(OrderTotalTooLargeException.class).isThrownBy(() -> order
			.price(Map.of("SKU-A", new BigDecimal("9999999999.99"), "SKU-B", new BigDecimal("0.01")), "EUR", this.now));
		assertThat(order.total()).as("left unpriced").isNull();
		assertThat(order.lines()).extracting(OrderLine::unitPrice).containsOnlyNulls();

		Order atTheLimit = order();
		atTheLimit.price(Map.of("SKU-A", new BigDecimal("9999999999.97"), "SKU-B", new BigDecimal("0.01")), "EUR",
				this.now);
		assertThat(atTheLimit.total()).isEqualByComparingTo(Order.MAX_TOTAL);
	}

	@Test
	void aConfirmedOrderShipsAndIsDelivered() {
		Order order = order();
		order.price(Map.of("SKU-A", BigDecimal.ONE, "SKU-B", BigDecimal.ONE), "EUR", this.now);
		order.confirm(this.now);
		order.ship(this.now);
		order.deliver(this.now);
		assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
		assertThat(order.history()).extracting(StatusChange::status)
			.containsExactly(OrderStatus.PENDING, OrderStatus.CONFIRMED, OrderStatus.SHIPPED, OrderStatus.DELIVERED);
	}

	@Test
	void anUnpricedOrderCannotBeConfirmed() {
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> order().confirm(this.now));
	}

	@Test
	void cancellingRecordsTheReason() {
		Order order = order();
		order.cancel(CancelReason.PAYMENT_TIMEOUT, this.now);
		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.reason()).isEqualTo("PAYMENT_TIMEOUT");
		assertThat(order.history()).last()
			.isEqualTo(new StatusChange(OrderStatus.CANCELLED, "PAYMENT_TIMEOUT", this.now));
	}

	@Test
	void aShippedOrderCannotBeCancelled() {
		Order order = order();
		order.price(Map.of("SKU-A", BigDecimal.ONE, "SKU-B", BigDecimal.ONE), "EUR", this.now);
		order.confirm(this.now);
		order.ship(this.now);
		assertThatExceptionOfType(OrderNotCancellableException.class)
			.isThrownBy(() -> order.cancel(CancelReason.CUSTOMER_REQUEST, this.now))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(OrderStatus.SHIPPED));
	}

	@Test
	void aRejectedOrderCannotBeCancelledOrConfirmed() {
		Order order = order();
		order.reject(CancelReason.OUT_OF_STOCK, this.now);
		assertThatExceptionOfType(OrderNotCancellableException.class)
			.isThrownBy(() -> order.cancel(CancelReason.CUSTOMER_REQUEST, this.now));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> order.ship(this.now));
	}

	@Test
	void aPendingOrderCannotShip() {
		assertThatExceptionOfType(IllegalOrderTransitionException.class).isThrownBy(() -> order().ship(this.now));
	}

	@Test
	void aDispatchAfterTheCancellationIsRecordedOnceAndTheOrderStaysCancelled() {
		Order order = order();
		order.price(Map.of("SKU-A", BigDecimal.ONE, "SKU-B", BigDecimal.ONE), "EUR", this.now);
		order.confirm(this.now);
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> order.dispatchedAfterCancellation(this.now));
		order.cancel(CancelReason.CUSTOMER_REQUEST, this.now);
		assertThat(order.dispatchedAfterCancellation(this.now)).isTrue();
		assertThat(order.dispatchedAfterCancellation(this.now)).isFalse();
		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.history()).extracting(StatusChange::reason)
			.containsOnlyOnce(Order.DISPATCHED_AFTER_CANCELLATION);
	}

	@Test
	void anOrderCountsAsChangedSinceItWasStoredByWhatItHoldsNotByItsClock() {
		Order order = order();
		assertThat(order.stored()).as("new: inserted when saved").isNull();
		order.stored(0);
		assertThat(order.stored().changed(order)).isFalse();
		// every change below happens at the same instant as the last one
		order.price(Map.of("SKU-A", BigDecimal.ONE, "SKU-B", BigDecimal.TEN), "EUR", this.now);
		assertThat(order.stored().changed(order)).as("priced").isTrue();
		order.stored(1);
		assertThat(order.stored().lines()).extracting(OrderLine::unitPrice).doesNotContainNull();
		assertThat(order.stored().changed(order)).isFalse();
		order.note("REFUND_REQUESTED", this.now);
		assertThat(order.stored().changed(order)).as("a history entry more").isTrue();
		order.stored(2);
		assertThat(order.stored().history()).isEqualTo(2);
		order.confirm(this.now);
		assertThat(order.stored().changed(order)).as("confirmed").isTrue();
		assertThat(order.stored().version()).isEqualTo(2);
	}

}
