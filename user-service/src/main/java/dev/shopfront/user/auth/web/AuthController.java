package dev.shopfront.user.auth.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.shopfront.chassis.openapi.ProblemResponse;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.shopfront.user.auth.Authentication;
import dev.shopfront.user.auth.Authentication.Tokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Login with e-mail and password, and refresh-token rotation.
 */
@RestController
@RequestMapping("/api/auth")
class AuthController {

	private final Authentication authentication;

	AuthController(Authentication authentication) {
		this.authentication = authentication;
	}

	/**
	 * Signs in with e-mail and password: an access token (JWT) and a refresh token.
	 */
	@PostMapping("/token")
	@ProblemResponse(status = 401, type = "invalid-credentials", title = "Invalid credentials",
			when = "unknown e-mail or wrong password (the same answer for both)")
	@ProblemResponse(status = 429, type = "login-throttled", title = "Too many login attempts",
			when = "too many failed attempts for this account; each further one waits twice as long, "
					+ "`Retry-After` says when")
	ResponseEntity<TokenResponse> token(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
		// the client's address: the gateway's X-Forwarded-For, read by Tomcat
		// (server.forward-headers-strategy: native; only internal proxies are trusted)
		return noStore(TokenResponse
			.of(this.authentication.login(credentials.email(), credentials.password(), request.getRemoteAddr())));
	}

	/**
	 * Trades a refresh token for a new pair; the old one is spent (using it again revokes
	 * the whole family).
	 */
	@PostMapping("/refresh")
	@ProblemResponse(status = 401, type = "invalid-refresh-token", title = "Invalid refresh token",
			when = "the refresh token is unknown, expired, spent or revoked")
	ResponseEntity<TokenResponse> refresh(@Valid @RequestBody Refresh refresh) {
		return noStore(TokenResponse.of(this.authentication.refresh(refresh.refreshToken())));
	}

	/**
	 * Ends the session of a refresh token (its whole family); 204 whether or not the
	 * token was known, so the answer tells nothing about it.
	 * @param refresh the refresh token
	 * @return 204
	 */
	/**
	 * Signs out: revokes the refresh token (access tokens run out by themselves).
	 */
	@PostMapping("/logout")
	@ApiResponse(responseCode = "204", description = "Signed out (also when the token was unknown)")
	ResponseEntity<Void> logout(@Valid @RequestBody Refresh refresh) {
		this.authentication.logout(refresh.refreshToken());
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<TokenResponse> noStore(TokenResponse body) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
	}

	/**
	 * Login credentials.
	 *
	 * @param email e-mail
	 * @param password password
	 */
	record Credentials(@NotBlank @Size(max = 254) @Schema(example = "customer@shopfront.example") String email,
			@NotBlank @Size(max = 1024) @Schema(example = "the password ./shop accounts prints") String password) {
	}

	/**
	 * A refresh request.
	 *
	 * @param refreshToken the refresh token
	 */
	record Refresh(@JsonProperty("refresh_token") @NotBlank @Size(max = 200) String refreshToken) {
	}

	/**
	 * Tokens, in OAuth 2 member names.
	 *
	 * @param accessToken the JWT
	 * @param tokenType always Bearer
	 * @param expiresIn seconds until the access token expires
	 * @param refreshToken the refresh token
	 */
	record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
			@JsonProperty("expires_in") long expiresIn, @JsonProperty("refresh_token") String refreshToken) {

		static TokenResponse of(Tokens tokens) {
			return new TokenResponse(tokens.accessToken(), "Bearer", tokens.expiresIn(), tokens.refreshToken());
		}

	}

}
