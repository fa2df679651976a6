package dev.shopfront.user.account.web;

import java.util.List;

import dev.shopfront.chassis.web.ProblemMappings;
import dev.shopfront.chassis.web.Problems;
import dev.shopfront.user.account.AccountNotFoundException;
import dev.shopfront.user.account.EmailAlreadyVerifiedException;
import dev.shopfront.user.account.EmailTakenException;
import dev.shopfront.user.account.InvalidVerificationTokenException;
import dev.shopfront.user.account.StaleAccountException;
import dev.shopfront.user.account.VerificationRecentlySentException;
import dev.shopfront.user.account.WeakPasswordException;

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
 * Where the account API refuses a request, as problems with stable types: the mappings
 * for those that carry only a message, handlers for those that carry more.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountProblems {

	@Bean
	static ProblemMappings accountProblemMappings() {
		return new ProblemMappings()
			.map(EmailTakenException.class, HttpStatus.CONFLICT, "email-taken", "E-mail address taken")
			.map(InvalidVerificationTokenException.class, HttpStatus.BAD_REQUEST, "invalid-verification-token",
					"Invalid verification code")
			.map(EmailAlreadyVerifiedException.class, HttpStatus.CONFLICT, "email-already-verified",
					"E-mail address already verified")
			.map(StaleAccountException.class, HttpStatus.PRECONDITION_FAILED, "precondition-failed",
					"Precondition failed")
			.map(ETags.InvalidETagException.class, HttpStatus.BAD_REQUEST, "bad-request", "Bad request");
	}

	@ExceptionHandler
	ProblemDetail weakPassword(WeakPasswordException ex) {
		return Problems.validation("The password " + ex.getMessage() + ".",
				List.of(Problems.fieldError("password", ex.getMessage())));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> recentlySent(VerificationRecentlySentException ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Problems.retryAfterSeconds(ex.retryAfter()))
			.body(Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "verification-recently-sent",
					"Verification e-mail recently sent", ex.getMessage()));
	}

	@ExceptionHandler
	ProblemDetail notFound(AccountNotFoundException ex) {
		return Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such account.");
	}

}
