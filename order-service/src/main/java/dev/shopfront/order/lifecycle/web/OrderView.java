package dev.shopfront.order.lifecycle.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.shopfront.order.lifecycle.Order;
import dev.shopfront.order.lifecycle.ShippingAddress;
import dev.shopfront.order.lifecycle.StatusChange;
import org.jspecify.annotations.Nullable;

/**
 * An order as the API shows it. Amounts are decimal strings.
 *
 * @param id the order
 * @param userId its customer
 * @param status where it is
 * @param reason why it was cancelled or rejected, or null
 * @param items its lines
 * @param total the sum, or null before the stock was reserved
 * @param currency ISO 4217, or null before the stock was reserved
 * @param shippingAddress where it goes
 * @param createdAt when it was placed
 * @param updatedAt when it last changed
 * @param history every status change, oldest first
 */
public record OrderView(UUID id, UUID userId, String status, @Nullable String reason, List<Item> items,
		@Nullable String total, @Nullable String currency, ShippingAddress shippingAddress, Instant createdAt,
		Instant updatedAt, List<HistoryEntry> history) {

	public static OrderView of(Order order) {
		return new OrderView(order.id(), order.userId(), order.status().name(), order.reason(),
				order.lines()
					.stream()
					.map((line) -> new Item(line.sku(), line.quantity(), money(line.unitPrice())))
					.toList(),
				money(order.total()), order.currency(), order.shippingAddress(), order.createdAt(), order.updatedAt(),
				order.history().stream().map(HistoryEntry::of).toList());
	}

	private static @Nullable String money(@Nullable BigDecimal amount) {
		return (amount != null) ? amount.setScale(2).toPlainString() : null;
	}

	/**
	 * A line.
	 *
	 * @param sku the product
	 * @param quantity units
	 * @param unitPrice the price of one unit, or null before the stock was reserved
	 */
	@Schema(name = "OrderItem")
	public record Item(String sku, int quantity, @Nullable String unitPrice) {
	}

	/**
	 * A history entry.
	 *
	 * @param status the status
	 * @param reason why, or a payment note (REFUND_REQUESTED, PAYMENT_REFUNDED)
	 * @param at when
	 */
	public record HistoryEntry(String status, @Nullable String reason, Instant at) {

		static HistoryEntry of(StatusChange change) {
			return new HistoryEntry(change.status().name(), change.reason(), change.at());
		}

	}

}
