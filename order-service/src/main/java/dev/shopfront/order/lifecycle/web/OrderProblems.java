package dev.shopfront.order.lifecycle.web;

import dev.shopfront.chassis.web.ProblemMappings;
import dev.shopfront.chassis.web.Problems;
import dev.shopfront.order.lifecycle.OrderNotCancellableException;
import dev.shopfront.order.lifecycle.OrderNotFoundException;

import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Where reading and moving an order is refused, as problems (RFC 9457) with stable types.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrderProblems {

	@Bean
	static ProblemMappings orderProblemMappings() {
		return new ProblemMappings().map(OrderNotFoundException.class, HttpStatus.NOT_FOUND, "order-not-found",
				"Order not found");
	}

	@ExceptionHandler
	ProblemDetail notCancellable(OrderNotCancellableException ex) {
		ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "order-not-cancellable",
				"Order cannot be cancelled", ex.getMessage());
		problem.setProperty("orderStatus", ex.status().name());
		return problem;
	}

}
