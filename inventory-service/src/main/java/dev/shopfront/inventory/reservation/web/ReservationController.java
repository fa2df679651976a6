package dev.shopfront.inventory.reservation.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.shopfront.chassis.openapi.ProblemResponse;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.shopfront.inventory.reservation.ReservationStatus;
import dev.shopfront.inventory.reservation.Reservations;
import dev.shopfront.inventory.reservation.Reservations.Outcome;
import dev.shopfront.inventory.reservation.Reservations.Reservation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The internal reservation API for order-service (SERVICE token; the gateway does not
 * route it).
 */
@RestController
class ReservationController {

	private final Reservations reservations;

	ReservationController(Reservations reservations) {
		this.reservations = reservations;
	}

	/**
	 * Reserves stock for an order, all items or none. Idempotent by order id: the same
	 * request again answers 200 with the reservation as it stands.
	 */
	@PostMapping("/internal/reservations")
	@ApiResponse(responseCode = "201", description = "Reserved", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "200", description = "Reserved before, by the same request", useReturnTypeSchema = true)
	@ProblemResponse(status = 409, type = "insufficient-stock", title = "Insufficient stock",
			when = "an item is short; `unavailable` lists each with what was asked and what is available")
	@ProblemResponse(status = 409, type = "reservation-conflict", title = "Reservation conflict",
			when = "the order id was reserved with other items")
	@ProblemResponse(status = 409, type = "order-rejected", title = "Order rejected",
			when = "order-service rejected this order already (the request arrived late); nothing is reserved")
	@ProblemResponse(status = 422, type = "unknown-product", title = "Unknown product",
			when = "an item names a SKU the catalog does not have")
	ResponseEntity<ReservationResponse> reserve(@Valid @RequestBody ReserveRequest request) {
		Map<String, Integer> items = new LinkedHashMap<>();
		request.items().forEach((item) -> items.merge(item.sku(), item.quantity(), Integer::sum));
		Outcome outcome = this.reservations.reserve(request.orderId(), items);
		ReservationResponse body = ReservationResponse.of(outcome.reservation());
		return outcome.created()
				? ResponseEntity.created(URI.create("/internal/reservations/" + request.orderId())).body(body)
				: ResponseEntity.ok(body);
	}

	/**
	 * order-service rejected the order: release what it holds, or make sure a late
	 * request reserves nothing. Idempotent; order-service calls it before it lets the
	 * same Idempotency-Key place another order, so the first one's stock is settled.
	 * @param orderId the order
	 * @return the reservation's status now
	 */
	@PostMapping("/internal/reservations/{orderId}/release")
	ReleaseResponse release(@PathVariable UUID orderId) {
		return new ReleaseResponse(orderId, this.reservations.releaseRejected(orderId));
	}

	/**
	 * The answer to a release.
	 *
	 * @param orderId the order
	 * @param status RELEASED, VOID, or the state it was already in
	 */
	record ReleaseResponse(UUID orderId, ReservationStatus status) {
	}

	/**
	 * A reservation request.
	 *
	 * @param orderId the order
	 * @param items what to reserve; a SKU listed twice is merged
	 */
	record ReserveRequest(@NotNull UUID orderId, @NotEmpty @Size(max = 50) List<@Valid @NotNull Item> items) {

		/**
		 * An item.
		 *
		 * @param sku the product
		 * @param quantity units, 1 to 100
		 */
		record Item(@NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,31}") String sku,
				@NotNull @Min(1) @Max(100) Integer quantity) {
		}

	}

	/**
	 * A reservation.
	 *
	 * @param orderId its order
	 * @param status its status
	 * @param expiresAt when it is released unless committed
	 * @param items what it holds, with the unit prices taken
	 */
	record ReservationResponse(UUID orderId, ReservationStatus status, Instant expiresAt, List<LineResponse> items) {

		static ReservationResponse of(Reservation reservation) {
			return new ReservationResponse(reservation.orderId(), reservation.status(), reservation.expiresAt(),
					reservation.lines()
						.stream()
						.map((line) -> new LineResponse(line.sku(), line.quantity(),
								line.unitPrice().setScale(2).toPlainString(), line.currency()))
						.toList());
		}

		/**
		 * A reserved item.
		 *
		 * @param sku the product
		 * @param quantity units
		 * @param unitPrice the price taken, a decimal string
		 * @param currency its currency
		 */
		record LineResponse(String sku, int quantity, String unitPrice, String currency) {
		}

	}

}
