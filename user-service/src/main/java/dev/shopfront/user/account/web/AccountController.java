package dev.shopfront.user.account.web;

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

	@PostMapping
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
	@PostMapping("/verify-email")
	ResponseEntity<Void> verifyEmail(@Valid @RequestBody VerifyEmail request) {
		this.accounts.verifyEmail(request.token());
		return ResponseEntity.noContent().build();
	}

	/**
	 * E-mails a new verification code to the signed-in user's address.
	 * @param jwt the user
	 * @return 202: the e-mail is on its way
	 */
	@PostMapping("/me/verification-email")
	ResponseEntity<Void> resendVerification(@AuthenticationPrincipal Jwt jwt) {
		this.accounts.resendVerification(UUID.fromString(jwt.getSubject()));
		return ResponseEntity.accepted().build();
	}

	@GetMapping("/me")
	ResponseEntity<AccountResponse> me(@AuthenticationPrincipal Jwt jwt) {
		return withVersion(ResponseEntity.ok(), this.accounts.find(UUID.fromString(jwt.getSubject())));
	}

	@PatchMapping("/me")
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

	@GetMapping("/{id}")
	ResponseEntity<AccountResponse> byId(@PathVariable UUID id) {
		return withVersion(ResponseEntity.ok(), this.accounts.find(id));
	}

	private static ResponseEntity<AccountResponse> withVersion(ResponseEntity.BodyBuilder builder, Account account) {
		return builder.eTag(ETags.of(account.version())).body(AccountResponse.of(account));
	}

}
