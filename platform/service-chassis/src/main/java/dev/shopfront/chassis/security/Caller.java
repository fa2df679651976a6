package dev.shopfront.chassis.security;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.Authentication;

/**
 * Who sends a request, as its token says: the token's subject (a user id, or a service's
 * client id) and whether it carries the ADMIN role. Answers the question most resources
 * ask: "the owner, or an administrator?".
 *
 * @param subject the token's subject
 * @param admin whether the token has the ADMIN role
 */
public record Caller(String subject, boolean admin) {

	/**
	 * The caller of an authenticated request.
	 * @param authentication the request's authentication (a JWT)
	 * @return the caller
	 */
	public static Caller of(Authentication authentication) {
		boolean admin = authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> "ROLE_ADMIN".equals(authority.getAuthority()));
		return new Caller(authentication.getName(), admin);
	}

	/**
	 * The user the caller is, when the subject is a user id.
	 * @return the user id; empty for a service's token
	 */
	public Optional<UUID> userId() {
		try {
			return Optional.of(UUID.fromString(this.subject));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Whether the caller may see or change what belongs to a user: the user, or an
	 * administrator.
	 * @param owner the user it belongs to
	 * @return true for the owner and administrators
	 */
	public boolean mayActFor(UUID owner) {
		return this.admin || owner.toString().equals(this.subject);
	}

}
