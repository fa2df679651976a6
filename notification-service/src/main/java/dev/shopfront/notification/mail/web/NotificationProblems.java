package dev.shopfront.notification.mail.web;

import dev.shopfront.chassis.web.Problems;
import dev.shopfront.notification.mail.web.NotificationController.NotYoursException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps the notification API's exceptions to problems: another user's log is forbidden
 * (403) to customers. A malformed query parameter is the chassis' validation problem.
 */
@RestControllerAdvice(assignableTypes = NotificationController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotificationProblems {

	@ExceptionHandler
	ProblemDetail notYours(NotYoursException ex) {
		return Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", ex.getMessage());
	}

}
