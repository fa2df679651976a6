package dev.shopfront.order.saga.web;

import dev.shopfront.chassis.web.ProblemMappings;
import dev.shopfront.chassis.web.Problems;
import dev.shopfront.order.saga.NoShippingAddressException;
import dev.shopfront.order.saga.PlaceOrderCommand;
import dev.shopfront.order.saga.PlaceOrderCommand.TooManyUnitsException;
import dev.shopfront.order.saga.PlacementInProgressException;
import dev.shopfront.order.saga.idempotency.IdempotencyKeyException;

import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Where placing and cancelling an order is refused, as problems (RFC 9457) with stable
 * types.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlaceOrderProblems {

	@Bean
	static ProblemMappings placeOrderProblemMappings() {
		return new ProblemMappings()
			.map(PlacementInProgressException.class, HttpStatus.CONFLICT, "order-being-placed",
					"Order is still being placed")
			.map(NoShippingAddressException.class, HttpStatus.UNPROCESSABLE_CONTENT, "shipping-address-required",
					"Shipping address required");
	}

	@ExceptionHandler
	ProblemDetail tooManyUnits(TooManyUnitsException ex) {
		return Problems.validation(ex.getMessage(), ex.skus()
			.stream()
			.map((sku) -> Problems.fieldError("items", sku + ", more than " + PlaceOrderCommand.MAX_UNITS_PER_SKU))
			.toList());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> idempotencyKey(IdempotencyKeyException ex) {
		ProblemDetail problem = switch (ex.kind()) {
			case REQUIRED -> Problems.problem(HttpStatus.BAD_REQUEST, "idempotency-key-required",
					"Idempotency-Key required", ex.getMessage());
			case INVALID -> Problems.problem(HttpStatus.BAD_REQUEST, "idempotency-key-invalid",
					"Invalid Idempotency-Key", ex.getMessage());
			case REUSED -> Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
					"Idempotency-Key reused", ex.getMessage());
			case IN_PROGRESS ->
				Problems.problem(HttpStatus.CONFLICT, "request-in-progress", "Request in progress", ex.getMessage());
		};
		ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
		if (ex.kind() == IdempotencyKeyException.Kind.IN_PROGRESS) {
			response.header(HttpHeaders.RETRY_AFTER, "1"); // the first request answers
															// soon
		}
		return response.body(problem);
	}

}
