package dev.shopfront.user.account.web;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.shopfront.chassis.openapi.ProblemResponse;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import dev.shopfront.user.account.Account;
import dev.shopfront.user.account.AccountManagement;
import dev.shopfront.user.account.AccountManagement.ProfileChange;
import dev.shopfront.user.account.AccountManagement.Registration;
import dev.shopfront.user.account.Address;
import dev.shopfront.user.account.web.AccountRequests.AddressBody;
import dev.shopfront.user.account.web.AccountRequests.ChangeProfile;
import dev.shopfront.user.account.web.AccountRequests.Register;
import dev.shopfront.user.account.web.AccountRequests.VerifyEmail;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registration, the signed-in user's own profile, and accounts by id for administrators
 * and services.
 */
@RestController
@RequestMapping("/api/users")
class AccountController {

	private final AccountManagement accounts;

	AccountController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	/**
	 * Registers a customer account and sends the e-mail with its verification code.
	 */
	@PostMapping
	@ApiResponse(responseCode = "201", description = "Registered; `ETag` is the account's version",
			useReturnTypeSchema = true, headers = @Header(name = "ETag", description = "The account's version"))
	@ProblemResponse(status = 409, type = "email-taken", title = "E-mail address taken",
			when = "an account has this e-mail address")
	ResponseEntity<AccountResponse> register(@Valid @RequestBody Register request) {
		Account account = this.accounts
			.register(new Registration(request.email(), request.password(), request.fullName(),
					(request.shippingAddress() != null) ? request.shippingAddress().toAddress() : null));
		return withVersion(ResponseEntity.created(URI.create("/api/users/" + account.id())), account);
	}

	/**
	 * Verifies the e-mail address with the code that was e-mailed to it.
	 * @param request the code
	 * @return 204
	 */
	/**
	 * Verifies the account's e-mail address with the code it was sent.
	 */
	@PostMapping("/verify-email")
	@ApiResponse(responseCode = "204", description = "Verified")
	@ProblemResponse(status = 400, type = "invalid-verification-token", title = "Invalid verification code",
			when = "the code is unknown, used already or expired (a newer code ends the older ones)")
	ResponseEntity<Void> verifyEmail(@Valid @RequestBody VerifyEmail request) {
		this.accounts.verifyEmail(request.token());
		return ResponseEntity.noContent().build();
	}

	/**
	 * E-mails a new verification code to the signed-in user's address.
	 * @param jwt the user
	 * @return 202: the e-mail is on its way
	 */
	/**
	 * Sends a new verification e-mail to the caller's address.
	 */
	@PostMapping("/me/verification-email")
	@ApiResponse(responseCode = "202", description = "A new e-mail is on its way")
	@ProblemResponse(status = 404, type = "not-found", title = "Not found", when = "the token's account is gone")
	@ProblemResponse(status = 409, type = "email-already-verified", title = "E-mail address already verified",
			when = "the address is verified")
	@ProblemResponse(status = 429, type = "verification-recently-sent", title = "Verification e-mail recently sent",
			when = "the last one went out less than a minute ago; `Retry-After` says when to ask again")
	ResponseEntity<Void> resendVerification(@AuthenticationPrincipal Jwt jwt) {
		this.accounts.resendVerification(UUID.fromString(jwt.getSubject()));
		return ResponseEntity.accepted().build();
	}

	/**
	 * Reads the caller's profile; {@code ETag} is its version, for {@code If-Match}.
	 */
	@GetMapping("/me")
	@ApiResponse(responseCode = "200", description = "The profile", useReturnTypeSchema = true,
			headers = @Header(name = "ETag", description = "The account's version"))
	@ProblemResponse(status = 404, type = "not-found", title = "Not found", when = "the token's account is gone")
	ResponseEntity<AccountResponse> me(@AuthenticationPrincipal Jwt jwt) {
		return withVersion(ResponseEntity.ok(), this.accounts.find(UUID.fromString(jwt.getSubject())));
	}

	/**
	 * Changes the caller's name, default shipping address or preferences; members left
	 * out stay as they are. With {@code If-Match}, only if the profile is still that
	 * version.
	 */
	@PatchMapping("/me")
	@ApiResponse(responseCode = "200", description = "The profile as changed", useReturnTypeSchema = true,
			headers = @Header(name = "ETag", description = "The account's new version"))
	@ProblemResponse(status = 400, type = "bad-request", title = "Bad request",
			when = "`If-Match` is not an entity tag")
	@ProblemResponse(status = 404, type = "not-found", title = "Not found", when = "the token's account is gone")
	@ProblemResponse(status = 409, type = "concurrent-modification", title = "Concurrent modification",
			when = "the account changed at the same time; read it and try again")
	@ProblemResponse(status = 412, type = "precondition-failed", title = "Precondition failed",
			when = "`If-Match` names an older version")
	ResponseEntity<AccountResponse> changeMe(@AuthenticationPrincipal Jwt jwt,
			@Valid @RequestBody ChangeProfile request,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		Optional<Address> address = (request.shippingAddress() != null)
				? request.shippingAddress().map(AddressBody::toAddress) : null;
		var preferences = request.getPreferences();
		ProfileChange change = new ProfileChange(request.getFullName(), address,
				(preferences != null) ? preferences.marketingEmails() : null,
				(preferences != null) ? preferences.language() : null);
		Account account = this.accounts.changeProfile(UUID.fromString(jwt.getSubject()), change,
				ETags.version(ifMatch));
		return withVersion(ResponseEntity.ok(), account);
	}

	/**
	 * Reads any account, for ADMINs and services.
	 */
	@GetMapping("/{id}")
	@ProblemResponse(status = 404, type = "not-found", title = "Not found", when = "no such account")
	ResponseEntity<AccountResponse> accountById(@PathVariable UUID id) {
		return withVersion(ResponseEntity.ok(), this.accounts.find(id));
	}

	private static ResponseEntity<AccountResponse> withVersion(ResponseEntity.BodyBuilder builder, Account account) {
		return builder.eTag(ETags.of(account.version())).body(AccountResponse.of(account));
	}

}
