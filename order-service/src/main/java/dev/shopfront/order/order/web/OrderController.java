package dev.shopfront.order.order.web;

import java.util.List;
import java.util.UUID;

import dev.shopfront.order.checkout.CheckoutSaga;
import dev.shopfront.order.order.Order;
import dev.shopfront.order.order.OrderQueries;
import dev.shopfront.order.order.OrderQueries.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading and cancelling orders: {@code GET /api/orders}, {@code GET /api/orders/{id}},
 * {@code POST /api/orders/{id}/cancel}.
 */
@RestController
@Validated
class OrderController {

	/** The largest page a client may ask for. */
	static final int MAX_PAGE_SIZE = 100;

	private final OrderQueries queries;

	private final CheckoutSaga saga;

	OrderController(OrderQueries queries, CheckoutSaga saga) {
		this.queries = queries;
		this.saga = saga;
	}

	@GetMapping("/api/orders")
	PageResponse list(JwtAuthenticationToken authentication, @RequestParam(required = false) @Nullable UUID userId,
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

	@GetMapping("/api/orders/{id}")
	OrderView one(JwtAuthenticationToken authentication, @PathVariable UUID id) {
		return OrderView.of(this.queries.find(id, Callers.of(authentication)));
	}

	@PostMapping("/api/orders/{id}/cancel")
	OrderView cancel(JwtAuthenticationToken authentication, @PathVariable UUID id) {
		this.queries.find(id, Callers.of(authentication)); // 404 unless the caller may
															// see it
		return OrderView.of(this.saga.cancel(id));
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
