package dev.shopfront.gateway.security;

import java.util.Locale;

import org.springframework.http.HttpMethod;

/**
 * A request that needs no token, written {@code METHOD /path-pattern} in
 * {@code shopfront.gateway.public-endpoints}.
 *
 * @param method the HTTP method
 * @param pattern the path pattern, such as {@code /api/products/**}
 */
record PublicEndpoint(HttpMethod method, String pattern) {

	static PublicEndpoint parse(String text) {
		String[] parts = text.trim().split("\\s+");
		if (parts.length != 2 || !parts[1].startsWith("/")) {
			throw new IllegalArgumentException("Public endpoint '" + text
					+ "' is not 'METHOD /path-pattern' (shopfront.gateway.public-endpoints)");
		}
		return new PublicEndpoint(HttpMethod.valueOf(parts[0].toUpperCase(Locale.ROOT)), parts[1]);
	}

}
