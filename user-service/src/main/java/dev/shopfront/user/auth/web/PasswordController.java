package dev.shopfront.user.auth.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.shopfront.chassis.openapi.ProblemResponse;
import java.util.List;
import java.util.UUID;

import dev.shopfront.chassis.web.Problems;
import dev.shopfront.user.account.WeakPasswordException;
import dev.shopfront.user.auth.Authentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/users/me/password}: the signed-in user changes their password, which
 * ends every session of the account (its refresh tokens stop working).
 */
@RestController
class PasswordController {

	private final Authentication authentication;

	PasswordController(Authentication authentication) {
		this.authentication = authentication;
	}

	/**
	 * Changes the caller's password, which ends every session of the account.
	 */
	@PostMapping("/api/users/me/password")
	@ApiResponse(responseCode = "204", description = "Changed; every refresh token of the account is revoked")
	@ProblemResponse(status = 404, type = "not-found", title = "Not found", when = "the token's account is gone")
	@ProblemResponse(status = 429, type = "login-throttled", title = "Too many login attempts",
			when = "too many wrong current passwords for this account; `Retry-After` says when to try again")
	ResponseEntity<Void> changePassword(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PasswordChange change,
			HttpServletRequest request) {
		this.authentication.changePassword(UUID.fromString(jwt.getSubject()), change.currentPassword(),
				change.newPassword(), request.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}

	/** A weak new password, named as the request names it. */
	@ExceptionHandler
	ProblemDetail weakPassword(WeakPasswordException ex) {
		return Problems.validation("The new password " + ex.getMessage() + ".",
				List.of(Problems.fieldError("newPassword", ex.getMessage())));
	}

	/**
	 * The body.
	 *
	 * @param currentPassword the password now
	 * @param newPassword the new password, checked against the policy
	 */
	record PasswordChange(@NotNull @Size(max = 1024) String currentPassword,
			@NotNull @Size(min = 12, max = 128, message = "must be 12 to 128 characters long") String newPassword) {

		@Override
		public String toString() {
			return "PasswordChange[***]";
		}

	}

}
