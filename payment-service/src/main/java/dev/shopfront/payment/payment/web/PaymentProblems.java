package dev.shopfront.payment.payment.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.shopfront.chassis.web.Problems;
import dev.shopfront.payment.payment.PaymentExceptions.PaymentsNotFound;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Maps the payment API's exceptions to problems: another user's payments are not found
 * (404, not 403), and a missing or malformed query parameter is a validation problem that
 * names it.
 */
@RestControllerAdvice(assignableTypes = PaymentController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PaymentProblems {

	@ExceptionHandler
	ProblemDetail notFound(PaymentsNotFound ex) {
		return Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail missing(MissingServletRequestParameterException ex) {
		return invalid(ex.getParameterName(), "is required");
	}

	@ExceptionHandler
	ProblemDetail malformed(MethodArgumentTypeMismatchException ex) {
		return invalid(ex.getName(),
				(ex.getRequiredType() == UUID.class) ? "must be a UUID" : "has the wrong type or format");
	}

	private static ProblemDetail invalid(String field, String message) {
		ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
				"The request has 1 invalid field(s).");
		problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
		return problem;
	}

}
