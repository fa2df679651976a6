package dev.shopfront.user.auth.web;

import dev.shopfront.chassis.openapi.ProblemResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.shopfront.user.auth.Authentication;
import dev.shopfront.user.auth.Authentication.ServiceToken;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth 2 client-credentials grant for service accounts (internal: the gateway does
 * not route it). Clients authenticate with HTTP Basic or with {@code client_id} and
 * {@code client_secret} in the form.
 */
@RestController
class ServiceTokenController {

	private final Authentication authentication;

	ServiceTokenController(Authentication authentication) {
		this.authentication = authentication;
	}

	/**
	 * Issues a SERVICE access token for a client's credentials (OAuth 2 client
	 * credentials grant: form parameters, or HTTP Basic).
	 */
	@ProblemResponse(status = 400, type = "unsupported-grant-type", title = "Unsupported grant type",
			when = "`grant_type` is not `client_credentials`")
	@ProblemResponse(status = 401, type = "invalid-client", title = "Invalid client",
			when = "the client's id or secret is missing or wrong")
	@PostMapping(path = "/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<ServiceTokenResponse> token(@RequestParam("grant_type") String grantType,
			@RequestParam(name = "client_id", required = false) @Nullable String clientId,
			@RequestParam(name = "client_secret", required = false) @Nullable String clientSecret,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		if (!"client_credentials".equals(grantType)) {
			throw new UnsupportedGrantTypeException();
		}
		String id = clientId;
		String secret = clientSecret;
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			String[] pair = decodeBasic(authorization.substring(6).strip());
			id = pair[0];
			secret = pair[1];
		}
		if (id == null || secret == null) {
			throw new MissingClientException();
		}
		ServiceToken token = this.authentication.serviceToken(id, secret);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new ServiceTokenResponse(token.accessToken(), "Bearer", token.expiresIn()));
	}

	private static String[] decodeBasic(String encoded) {
		try {
			String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			if (colon < 0) {
				throw new MissingClientException();
			}
			return new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
		}
		catch (IllegalArgumentException ex) {
			throw new MissingClientException();
		}
	}

	/**
	 * A service token, in OAuth 2 member names.
	 *
	 * @param accessToken the JWT
	 * @param tokenType always Bearer
	 * @param expiresIn seconds until it expires
	 */
	record ServiceTokenResponse(@JsonProperty("access_token") String accessToken,
			@JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn) {
	}

	/** The grant is not client_credentials. */
	static final class UnsupportedGrantTypeException extends RuntimeException {

		UnsupportedGrantTypeException() {
			super("Only grant_type=client_credentials is supported here.");
		}

	}

	/** No client id and secret were sent. */
	static final class MissingClientException extends RuntimeException {

		MissingClientException() {
			super("Send the client id and secret with HTTP Basic or as client_id and client_secret.");
		}

	}

}
