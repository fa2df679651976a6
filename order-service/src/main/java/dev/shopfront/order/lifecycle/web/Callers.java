package dev.shopfront.order.lifecycle.web;

import java.util.UUID;

import dev.shopfront.order.lifecycle.OrderQueries.Caller;

import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller of a request, from its token.
 */
public final class Callers {

	private Callers() {
	}

	public static Caller of(JwtAuthenticationToken authentication) {
		dev.shopfront.chassis.security.Caller caller = dev.shopfront.chassis.security.Caller.of(authentication);
		return new Caller(UUID.fromString(caller.subject()), caller.admin());
	}

}
