package dev.shopfront.order.lifecycle.web;

import dev.shopfront.chassis.openapi.ProblemResponse;
import java.util.List;
import java.util.UUID;

import dev.shopfront.order.lifecycle.Order;
import dev.shopfront.order.lifecycle.OrderQueries;
import dev.shopfront.order.lifecycle.OrderQueries.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading orders: {@code GET /api/orders}, {@code GET /api/orders/{id}} (the cancel is
 * the saga's, in {@code saga.web}).
 */
@RestController
@Validated
class OrderController {

	/** The largest page a client may ask for. */
	static final int MAX_PAGE_SIZE = 100;

	private final OrderQueries queries;

	OrderController(OrderQueries queries) {
		this.queries = queries;
	}

	/**
	 * Lists orders, newest first: the caller's own, or for an ADMIN everyone's (or those
	 * of {@code userId}).
	 */
	@GetMapping("/api/orders")
	@ProblemResponse(status = 403, type = "forbidden", title = "Forbidden",
			when = "`userId` names another customer and the caller is not an ADMIN")
	PageResponse listOrders(JwtAuthenticationToken authentication,
			@RequestParam(required = false) @Nullable UUID userId,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
		Caller caller = Callers.of(authentication);
		if (userId != null && !caller.admin() && !userId.equals(caller.userId())) {
			throw new AccessDeniedException("Only administrators may list another customer's orders");
		}
		Page<Order> orders = this.queries.page(caller, userId, page, size);
		return new PageResponse(orders.getContent().stream().map(OrderView::of).toList(),
				new PageResponse.PageInfo(page, size, orders.getTotalElements(), orders.getTotalPages()));
	}

	/**
	 * Reads one order with its history, for its owner or an ADMIN. Placing an order
	 * answers PENDING; read it again to see it CONFIRMED or REJECTED.
	 */
	@GetMapping("/api/orders/{id}")
	@ProblemResponse(status = 404, type = "order-not-found", title = "Order not found",
			when = "no such order, or another customer's (never 403, so ids cannot be probed)")
	OrderView getOrder(JwtAuthenticationToken authentication, @PathVariable UUID id) {
		return OrderView.of(this.queries.find(id, Callers.of(authentication)));
	}

	/**
	 * A page of orders, newest first.
	 *
	 * @param content the orders on this page
	 * @param page where this page stands
	 */
	record PageResponse(List<OrderView> content, PageInfo page) {

		/**
		 * Where a page stands.
		 *
		 * @param number page number from 0
		 * @param size page size
		 * @param totalElements orders in all
		 * @param totalPages pages in all
		 */
		record PageInfo(int number, int size, long totalElements, int totalPages) {
		}

	}

}
