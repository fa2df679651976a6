package dev.shopfront.chassis.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps a lost optimistic-locking race (two writers on one aggregate) to a 409 problem the
 * client can retry, instead of a 500.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class DataAccessProblemsAdvice {

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail handleOptimisticLocking(OptimisticLockingFailureException ex) {
		return Problems.problem(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
				"Someone else changed this resource at the same time; read it again and retry.");
	}

}
