package dev.shopfront.shipping.shipment.web;

import dev.shopfront.chassis.openapi.ProblemResponse;
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

	/**
	 * Lists the shipments of an order, for its owner or an ADMIN.
	 */
	@GetMapping
	@ProblemResponse(status = 404, type = "not-found", title = "Not found",
			when = "no shipment for this order, or the order is another customer's")
	List<ShipmentResponse> listShipments(@RequestParam UUID orderId, Authentication authentication) {
		Caller caller = Caller.of(authentication);
		return this.shipments.ofOrder(orderId, caller.subject(), caller.admin())
			.stream()
			.map(ShipmentResponse::of)
			.toList();
	}

	/**
	 * Hands a shipment to the carrier (CREATED to DISPATCHED).
	 */
	@PostMapping("/{id}/dispatch")
	@ProblemResponse(status = 404, type = "not-found", title = "Not found", when = "no such shipment")
	@ProblemResponse(status = 409, type = "shipment-not-dispatchable", title = "Shipment cannot be dispatched",
			when = "the shipment is not CREATED (dispatched, delivered or cancelled already); "
					+ "`shipmentStatus` says which")
	@ProblemResponse(status = 409, type = "concurrent-modification", title = "Concurrent modification",
			when = "someone else moved the shipment at the same time")
	ShipmentResponse dispatchShipment(@PathVariable UUID id) {
		return ShipmentResponse.of(this.shipments.dispatch(id));
	}

	/**
	 * Records a shipment's delivery (DISPATCHED to DELIVERED).
	 */
	@PostMapping("/{id}/deliver")
	@ProblemResponse(status = 404, type = "not-found", title = "Not found", when = "no such shipment")
	@ProblemResponse(status = 409, type = "shipment-not-deliverable", title = "Shipment cannot be delivered",
			when = "the shipment is not DISPATCHED; `shipmentStatus` says which")
	@ProblemResponse(status = 409, type = "concurrent-modification", title = "Concurrent modification",
			when = "someone else moved the shipment at the same time")
	ShipmentResponse deliverShipment(@PathVariable UUID id) {
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
