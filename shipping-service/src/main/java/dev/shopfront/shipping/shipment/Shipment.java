package dev.shopfront.shipping.shipment;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The shipment of a confirmed order, the aggregate shipping-service keeps: immutable;
 * each transition checks that the status allows it and returns the shipment after it.
 *
 * @param id the shipment
 * @param orderId its order (one shipment per order)
 * @param userId the customer who placed the order
 * @param trackingNumber its tracking number, {@code SF} and 10 upper-case letters or
 * digits
 * @param status where it stands
 * @param shippingAddress where it goes
 * @param createdAt when it was created (its order confirmed)
 * @param dispatchedAt when it was dispatched, or null
 * @param deliveredAt when it was delivered, or null
 * @param cancelledAt when it was cancelled, or null
 */
public record Shipment(UUID id, UUID orderId, UUID userId, String trackingNumber, ShipmentStatus status,
		ShippingAddress shippingAddress, Instant createdAt, @Nullable Instant dispatchedAt,
		@Nullable Instant deliveredAt, @Nullable Instant cancelledAt) {

	/**
	 * A new shipment, CREATED.
	 * @param id its id
	 * @param orderId its order
	 * @param userId the order's customer
	 * @param trackingNumber its tracking number
	 * @param shippingAddress where it goes
	 * @param now the time
	 * @return the shipment
	 */
	public static Shipment create(UUID id, UUID orderId, UUID userId, String trackingNumber,
			ShippingAddress shippingAddress, Instant now) {
		return new Shipment(id, orderId, userId, trackingNumber, ShipmentStatus.CREATED, shippingAddress, now, null,
				null, null);
	}

	/**
	 * CREATED → DISPATCHED: handed to the carrier.
	 * @param now the time
	 * @return the shipment dispatched
	 * @throws IllegalShipmentTransitionException unless CREATED
	 */
	public Shipment dispatch(Instant now) {
		require(ShipmentStatus.DISPATCHED);
		return new Shipment(this.id, this.orderId, this.userId, this.trackingNumber, ShipmentStatus.DISPATCHED,
				this.shippingAddress, this.createdAt, now, null, null);
	}

	/**
	 * DISPATCHED → DELIVERED: reached the customer.
	 * @param now the time
	 * @return the shipment delivered
	 * @throws IllegalShipmentTransitionException unless DISPATCHED
	 */
	public Shipment deliver(Instant now) {
		require(ShipmentStatus.DELIVERED);
		return new Shipment(this.id, this.orderId, this.userId, this.trackingNumber, ShipmentStatus.DELIVERED,
				this.shippingAddress, this.createdAt, this.dispatchedAt, now, null);
	}

	/**
	 * CREATED → CANCELLED: its order was cancelled before it left the warehouse.
	 * @param now the time
	 * @return the shipment cancelled
	 * @throws IllegalShipmentTransitionException unless CREATED
	 */
	public Shipment cancel(Instant now) {
		require(ShipmentStatus.CANCELLED);
		return new Shipment(this.id, this.orderId, this.userId, this.trackingNumber, ShipmentStatus.CANCELLED,
				this.shippingAddress, this.createdAt, null, null, now);
	}

	/**
	 * Whether a user may see this shipment.
	 * @param subject the user's id (the token's subject)
	 * @return true for the customer who placed the order
	 */
	public boolean belongsTo(String subject) {
		return this.userId.toString().equals(subject);
	}

	private void require(ShipmentStatus next) {
		if (!this.status.canMoveTo(next)) {
			throw new IllegalShipmentTransitionException(this.id, this.status, next);
		}
	}

}
