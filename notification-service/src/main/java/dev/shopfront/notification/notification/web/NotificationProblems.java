package dev.shopfront.notification.notification.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.shopfront.chassis.web.Problems;
import dev.shopfront.notification.notification.web.NotificationController.NotYoursException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Maps the notification API's exceptions to problems: another user's log is forbidden
 * (403) to customers, and a malformed query parameter is a validation problem that names
 * it.
 */
@RestControllerAdvice(assignableTypes = NotificationController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotificationProblems {

	@ExceptionHandler
	ProblemDetail notYours(NotYoursException ex) {
		return Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail malformed(MethodArgumentTypeMismatchException ex) {
		ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
				"The request has 1 invalid field(s).");
		problem.setProperty("errors", List.of(Map.of("field", ex.getName(), "message",
				(ex.getRequiredType() == UUID.class) ? "must be a UUID" : "must be a whole number")));
		return problem;
	}

}
