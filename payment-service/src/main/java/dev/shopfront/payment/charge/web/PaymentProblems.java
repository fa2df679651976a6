package dev.shopfront.payment.charge.web;

import dev.shopfront.chassis.web.Problems;
import dev.shopfront.payment.charge.PaymentExceptions.PaymentsNotFound;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps the payment API's exceptions to problems: another user's payments are not found
 * (404, not 403). A missing or malformed query parameter is the chassis' validation
 * problem.
 */
@RestControllerAdvice(assignableTypes = PaymentController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PaymentProblems {

	@ExceptionHandler
	ProblemDetail notFound(PaymentsNotFound ex) {
		return Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
	}

}
