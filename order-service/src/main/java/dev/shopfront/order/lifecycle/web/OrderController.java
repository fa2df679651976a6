package dev.shopfront.order.lifecycle.web;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.shopfront.chassis.openapi.ProblemResponse;
import dev.shopfront.order.lifecycle.Order;
import dev.shopfront.order.lifecycle.OrderQueries;
import dev.shopfront.order.lifecycle.OrderQueries.Caller;
import dev.shopfront.order.lifecycle.OrderStatus;
import dev.shopfront.order.lifecycle.OrderStatusWatch;
import dev.shopfront.order.lifecycle.Orders;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
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

	private static final java.util.regex.Pattern WAIT = java.util.regex.Pattern
		.compile("(?:^|[,;\\s])wait\\s*=\\s*\"?(\\d{1,6})\"?(?:$|[,;\\s])", java.util.regex.Pattern.CASE_INSENSITIVE);

	private final OrderQueries queries;

	private final OrderStatusWatch watch;

	OrderController(OrderQueries queries, OrderStatusWatch watch) {
		this.queries = queries;
		this.watch = watch;
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
		Orders.OrderPage orders = this.queries.page(caller, userId, page, size);
		return new PageResponse(orders.content().stream().map(OrderView::of).toList(),
				new PageResponse.PageInfo(page, size, orders.total(), orders.totalPages()));
	}

	/**
	 * Reads one order with its history, for its owner or an ADMIN. Placing an order
	 * answers PENDING; with {@code Prefer: wait=N} (RFC 7240) the answer comes as soon as
	 * a PENDING order is CONFIRMED or REJECTED (or cancelled), or after N seconds at most
	 * (capped at 8), with {@code Preference-Applied: wait=N}; without it, at once.
	 */
	@GetMapping("/api/orders/{id}")
	@ProblemResponse(status = 404, type = "order-not-found", title = "Order not found",
			when = "no such order, or another customer's (never 403, so ids cannot be probed)")
	ResponseEntity<OrderView> getOrder(JwtAuthenticationToken authentication, @PathVariable UUID id,
			@Parameter(
					description = "`wait=N`: answer when a PENDING order leaves PENDING, or after N seconds "
							+ "(at most 8); other preferences are ignored",
					example = "wait=5") @RequestHeader(name = "Prefer", required = false) @Nullable String prefer) {
		Caller caller = Callers.of(authentication);
		Duration wait = requestedWait(prefer);
		if (wait.isZero()) {
			return ResponseEntity.ok()
				.header(HttpHeaders.VARY, "Prefer")
				.body(OrderView.of(this.queries.find(id, caller)));
		}
		Duration applied = (wait.compareTo(this.watch.max()) > 0) ? this.watch.max() : wait;
		Order order = this.watch.await(id, applied, () -> this.queries.find(id, caller),
				(read) -> read.status() == OrderStatus.PENDING);
		return ResponseEntity.ok()
			.header(HttpHeaders.VARY, "Prefer")
			.header("Preference-Applied", "wait=" + applied.toSeconds())
			.body(OrderView.of(order));
	}

	/**
	 * The {@code wait} preference of a {@code Prefer} header, zero when there is none.
	 */
	static Duration requestedWait(@Nullable String prefer) {
		if (prefer == null) {
			return Duration.ZERO;
		}
		java.util.regex.Matcher wait = WAIT.matcher(prefer);
		return wait.find() ? Duration.ofSeconds(Long.parseLong(wait.group(1))) : Duration.ZERO;
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
