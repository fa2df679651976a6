package dev.shopfront.order.order.web;

import dev.shopfront.chassis.web.Problems;
import dev.shopfront.order.checkout.CheckoutInProgressException;
import dev.shopfront.order.checkout.NoShippingAddressException;
import dev.shopfront.order.order.OrderNotCancellableException;
import dev.shopfront.order.order.OrderNotFoundException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one place order-service's domain exceptions become problems (RFC 9457), each with
 * its stable type.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrderProblems {

	@ExceptionHandler
	ProblemDetail notFound(OrderNotFoundException ex) {
		return Problems.problem(HttpStatus.NOT_FOUND, "order-not-found", "Order not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notCancellable(OrderNotCancellableException ex) {
		ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "order-not-cancellable",
				"Order cannot be cancelled", ex.getMessage());
		problem.setProperty("orderStatus", ex.status().name());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail inProgress(CheckoutInProgressException ex) {
		return Problems.problem(HttpStatus.CONFLICT, "order-being-placed", "Order is still being placed",
				ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail noAddress(NoShippingAddressException ex) {
		ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "shipping-address-required",
				"Shipping address required", ex.getMessage());
		return problem;
	}

}
