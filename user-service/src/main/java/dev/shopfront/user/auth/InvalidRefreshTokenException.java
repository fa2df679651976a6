package dev.shopfront.user.auth;

/**
 * The refresh token is invalid, expired, revoked or was already used.
 */
public class InvalidRefreshTokenException extends RuntimeException {

	InvalidRefreshTokenException() {
		super("The refresh token is invalid, expired, revoked or was already used.");
	}

}
