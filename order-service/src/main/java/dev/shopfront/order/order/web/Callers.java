package dev.shopfront.order.order.web;

import java.util.UUID;

import dev.shopfront.order.order.OrderQueries.Caller;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller of a request, from its token.
 */
public final class Callers {

	private Callers() {
	}

	public static Caller of(JwtAuthenticationToken authentication) {
		Jwt jwt = authentication.getToken();
		boolean admin = authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> "ROLE_ADMIN".equals(authority.getAuthority()));
		return new Caller(UUID.fromString(jwt.getSubject()), admin);
	}

}
