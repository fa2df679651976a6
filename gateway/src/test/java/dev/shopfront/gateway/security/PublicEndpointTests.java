package dev.shopfront.gateway.security;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Public endpoints are written {@code METHOD /path-pattern}; anything else stops the
 * gateway from starting.
 */
class PublicEndpointTests {

	@Test
	void readsMethodAndPattern() {
		assertThat(PublicEndpoint.parse(" get   /api/products/** "))
			.isEqualTo(new PublicEndpoint(HttpMethod.GET, "/api/products/**"));
	}

	@Test
	void refusesEntriesWithoutMethodOrPath() {
		assertThatIllegalArgumentException().isThrownBy(() -> PublicEndpoint.parse("/api/users"));
		assertThatIllegalArgumentException().isThrownBy(() -> PublicEndpoint.parse("POST api/users"));
	}

}
