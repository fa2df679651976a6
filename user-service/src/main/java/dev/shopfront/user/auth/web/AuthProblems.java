package dev.shopfront.user.auth.web;

import java.util.List;
import java.util.Map;

import dev.shopfront.chassis.web.Problems;
import dev.shopfront.user.auth.InvalidClientException;
import dev.shopfront.user.auth.InvalidCredentialsException;
import dev.shopfront.user.auth.InvalidRefreshTokenException;
import dev.shopfront.user.auth.LoginThrottledException;
import dev.shopfront.user.auth.WrongPasswordException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps the token use cases' exceptions to problems.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuthProblems {

	@ExceptionHandler
	ProblemDetail invalidCredentials(InvalidCredentialsException ex) {
		return Problems.problem(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> throttled(LoginThrottledException ex) {
		long seconds = Math.max(1, ex.retryAfter().toSeconds() + ((ex.retryAfter().toMillisPart() > 0) ? 1 : 0));
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.body(Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "login-throttled", "Too many login attempts",
					ex.getMessage()));
	}

	@ExceptionHandler
	ProblemDetail wrongPassword(WrongPasswordException ex) {
		ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
				"The current password is wrong.");
		problem.setProperty("errors", List.of(Map.of("field", "currentPassword", "message", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalidRefreshToken(InvalidRefreshTokenException ex) {
		return Problems.problem(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Invalid refresh token",
				ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidClient(InvalidClientException ex) {
		return invalidClient(ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unsupportedGrant(ServiceTokenController.UnsupportedGrantTypeException ex) {
		return Problems.problem(HttpStatus.BAD_REQUEST, "unsupported-grant-type", "Unsupported grant type",
				ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> missingClient(ServiceTokenController.MissingClientException ex) {
		return invalidClient(ex.getMessage());
	}

	private static ResponseEntity<ProblemDetail> invalidClient(@Nullable String detail) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"shopfront\"")
			.body(Problems.problem(HttpStatus.UNAUTHORIZED, "invalid-client", "Invalid client", detail));
	}

}
