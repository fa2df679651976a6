package dev.shopfront.shipping.shipment.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.shopfront.chassis.security.Caller;
import dev.shopfront.shipping.shipment.Shipment;
import dev.shopfront.shipping.shipment.ShipmentManagement;
import dev.shopfront.shipping.shipment.ShippingAddress;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shipments: the customer who placed an order and administrators see its shipment;
 * administrators dispatch and deliver it.
 */
@RestController
@RequestMapping("/api/shipments")
class ShipmentController {

	private final ShipmentManagement shipments;

	ShipmentController(ShipmentManagement shipments) {
		this.shipments = shipments;
	}

	@GetMapping
	List<ShipmentResponse> ofOrder(@RequestParam UUID orderId, Authentication authentication) {
		Caller caller = Caller.of(authentication);
		return this.shipments.ofOrder(orderId, caller.subject(), caller.admin())
			.stream()
			.map(ShipmentResponse::of)
			.toList();
	}

	@PostMapping("/{id}/dispatch")
	ShipmentResponse dispatch(@PathVariable UUID id) {
		return ShipmentResponse.of(this.shipments.dispatch(id));
	}

	@PostMapping("/{id}/deliver")
	ShipmentResponse deliver(@PathVariable UUID id) {
		return ShipmentResponse.of(this.shipments.deliver(id));
	}

	/**
	 * A shipment as the API shows it.
	 *
	 * @param id the shipment
	 * @param orderId its order
	 * @param trackingNumber its tracking number
	 * @param status CREATED, DISPATCHED, DELIVERED or CANCELLED
	 * @param shippingAddress where it goes
	 * @param createdAt when it was created
	 * @param dispatchedAt when it was dispatched, or null
	 * @param deliveredAt when it was delivered, or null
	 * @param cancelledAt when it was cancelled, or null
	 */
	record ShipmentResponse(UUID id, UUID orderId, String trackingNumber, String status,
			ShippingAddress shippingAddress, Instant createdAt, @Nullable Instant dispatchedAt,
			@Nullable Instant deliveredAt, @Nullable Instant cancelledAt) {

		static ShipmentResponse of(Shipment shipment) {
			return new ShipmentResponse(shipment.id(), shipment.orderId(), shipment.trackingNumber(),
					shipment.status().name(), shipment.shippingAddress(), shipment.createdAt(), shipment.dispatchedAt(),
					shipment.deliveredAt(), shipment.cancelledAt());
		}

	}

}
