package dev.shopfront.legacy.orders.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.shopfront.chassis.openapi.ProblemResponse;
import dev.shopfront.chassis.security.Caller;
import dev.shopfront.legacy.orders.OrdersModule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders as the monolith takes them: confirmed in the same request, the e-mail sent by
 * the monolith itself.
 */
@RestController
class OrderController {

	private final OrdersModule orders;

	OrderController(OrdersModule orders) {
		this.orders = orders;
	}

	/**
	 * Places an order and confirms it at once.
	 */
	@PostMapping("/api/orders")
	@ProblemResponse(status = 409, type = "insufficient-stock", title = "Insufficient stock",
			when = "an item is short; nothing is taken")
	@ProblemResponse(status = 422, type = "unknown-product", title = "Unknown product",
			when = "an item names a SKU the catalog does not have")
	@ProblemResponse(status = 422, type = "mixed-currencies", title = "Mixed currencies",
			when = "the items are priced in more than one currency")
	@ProblemResponse(status = 422, type = "email-required", title = "E-mail address required",
			when = "the token names no e-mail address to confirm the order to")
	ResponseEntity<OrderResponse> placeOrder(JwtAuthenticationToken caller, @Valid @RequestBody PlaceOrder body) {
		String email = caller.getToken().getClaimAsString("email");
		if (email == null || email.isBlank()) {
			throw new EmailRequired("The token names no e-mail address to confirm the order to.");
		}
		OrdersModule.Order order = this.orders.place(UUID.fromString(caller.getName()), email,
				body.items().stream().map((item) -> new OrdersModule.Line(item.sku(), item.quantity(), null)).toList());
		return ResponseEntity.created(URI.create("/api/orders/" + order.id())).body(OrderResponse.of(order));
	}

	/**
	 * Reads an order, for its owner or an ADMIN.
	 */
	@GetMapping("/api/orders/{id}")
	@ProblemResponse(status = 404, type = "order-not-found", title = "Order not found",
			when = "no such order, or another customer's")
	OrderResponse getOrder(@PathVariable UUID id, Authentication authentication) {
		Caller caller = Caller.of(authentication);
		return OrderResponse.of(this.orders.find(id, UUID.fromString(caller.subject()), caller.admin()));
	}

	/**
	 * An order to place.
	 *
	 * @param items what to order
	 */
	record PlaceOrder(@NotEmpty @Size(max = 50) List<@Valid @NotNull Item> items) {
	}

	/**
	 * An item to order.
	 *
	 * @param sku the product
	 * @param quantity units
	 */
	record Item(@NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,31}") String sku,
			@NotNull @Min(1) @Max(100) Integer quantity) {
	}

	/**
	 * An order; amounts are decimal strings.
	 *
	 * @param id the order
	 * @param status CONFIRMED
	 * @param items what was ordered
	 * @param total the total
	 * @param currency its currency
	 * @param createdAt when
	 */
	record OrderResponse(UUID id, String status, List<ItemResponse> items, String total, String currency,
			Instant createdAt) {

		static OrderResponse of(OrdersModule.Order order) {
			return new OrderResponse(order.id(), order.status(),
					order.lines()
						.stream()
						.map((line) -> new ItemResponse(line.sku(), line.quantity(),
								java.util.Objects.requireNonNull(line.unitPrice()).setScale(2).toPlainString()))
						.toList(),
					order.total().setScale(2).toPlainString(), order.currency(), order.createdAt());
		}

	}

	/**
	 * An ordered item.
	 *
	 * @param sku the product
	 * @param quantity units
	 * @param unitPrice the price per unit
	 */
	record ItemResponse(String sku, int quantity, String unitPrice) {
	}

	/** A token without an e-mail address. */
	static class EmailRequired extends RuntimeException {

		EmailRequired(String message) {
			super(message);
		}

	}

}
