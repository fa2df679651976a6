package dev.shopfront.user.auth.web;

import java.util.List;

import dev.shopfront.chassis.web.ProblemMappings;
import dev.shopfront.chassis.web.Problems;
import dev.shopfront.user.auth.InvalidClientException;
import dev.shopfront.user.auth.InvalidCredentialsException;
import dev.shopfront.user.auth.InvalidRefreshTokenException;
import dev.shopfront.user.auth.LoginThrottledException;
import dev.shopfront.user.auth.WrongPasswordException;
import org.jspecify.annotations.Nullable;

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
 * Maps the token use cases' exceptions to problems.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuthProblems {

	@Bean
	static ProblemMappings authProblemMappings() {
		return new ProblemMappings()
			.map(InvalidCredentialsException.class, HttpStatus.UNAUTHORIZED, "invalid-credentials",
					"Invalid credentials")
			.map(InvalidRefreshTokenException.class, HttpStatus.UNAUTHORIZED, "invalid-refresh-token",
					"Invalid refresh token")
			.map(ServiceTokenController.UnsupportedGrantTypeException.class, HttpStatus.BAD_REQUEST,
					"unsupported-grant-type", "Unsupported grant type");
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
		return Problems.validation("The current password is wrong.",
				List.of(Problems.fieldError("currentPassword", ex.getMessage())));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidClient(InvalidClientException ex) {
		return invalidClient(ex.getMessage());
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
