package dev.shopfront.order.saga.web;

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

	@PostMapping("/api/orders/{id}/cancel")
	OrderView cancel(JwtAuthenticationToken authentication, @PathVariable UUID id) {
		this.queries.find(id, Callers.of(authentication)); // 404 unless the caller may
															// see it
		return OrderView.of(this.saga.cancel(id));
	}

}
