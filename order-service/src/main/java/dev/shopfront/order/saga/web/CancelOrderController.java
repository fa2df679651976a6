package dev.shopfront.order.saga.web;

import dev.shopfront.chassis.openapi.ProblemResponse;
import java.util.UUID;

import dev.shopfront.order.lifecycle.OrderQueries;
import dev.shopfront.order.lifecycle.web.Callers;
import dev.shopfront.order.lifecycle.web.OrderView;
import dev.shopfront.order.saga.PlaceOrderSagaOrchestrator;

import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/orders/{id}/cancel}: the customer's (or an administrator's) cancel,
 * which the saga carries out: the order cancelled, its stock released, its payment
 * refunded when it was taken.
 */
@RestController
class CancelOrderController {

	private final OrderQueries queries;

	private final PlaceOrderSagaOrchestrator saga;

	CancelOrderController(OrderQueries queries, PlaceOrderSagaOrchestrator saga) {
		this.queries = queries;
		this.saga = saga;
	}

	/**
	 * Cancels an order before it ships; a paid order is refunded.
	 */
	@PostMapping("/api/orders/{id}/cancel")
	@ProblemResponse(status = 404, type = "order-not-found", title = "Order not found",
			when = "no such order, or another customer's")
	@ProblemResponse(status = 409, type = "order-not-cancellable", title = "Order cannot be cancelled",
			when = "the order has shipped, was delivered or was rejected; `orderStatus` says which")
	@ProblemResponse(status = 409, type = "order-being-placed", title = "Order is still being placed",
			when = "the order's stock is still being reserved (a moment after placing it); try again")
	@ProblemResponse(status = 409, type = "concurrent-modification", title = "Concurrent modification",
			when = "the order changed at the same time; read it and try again")
	OrderView cancelOrder(JwtAuthenticationToken authentication, @PathVariable UUID id) {
		this.queries.find(id, Callers.of(authentication)); // 404 unless the caller may
															// see it
		return OrderView.of(this.saga.cancel(id));
	}

}
