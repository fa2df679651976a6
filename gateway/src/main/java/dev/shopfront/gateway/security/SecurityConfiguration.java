package dev.shopfront.gateway.security;

import java.util.List;

import dev.shopfront.chassis.security.ChassisSecurity;
import dev.shopfront.gateway.config.GatewayProperties;
import dev.shopfront.gateway.ratelimit.RateLimiting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The gateway checks every token itself (the services check again): the endpoints in
 * {@code shopfront.gateway.public-endpoints} are open, everything else needs a valid
 * token; the rate limits sit in the same chain.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain gatewaySecurity(HttpSecurity http, ChassisSecurity chassis, RateLimiting rateLimiting,
			GatewayProperties properties) throws Exception {
		List<PublicEndpoint> open = properties.publicEndpoints().stream().map(PublicEndpoint::parse).toList();
		chassis.apply(http);
		rateLimiting.apply(http);
		return http.authorizeHttpRequests((requests) -> {
			open.forEach((endpoint) -> requests.requestMatchers(endpoint.method(), endpoint.pattern()).permitAll());
			requests.requestMatchers("/admin/**").hasRole("ADMIN");
			requests.anyRequest().authenticated();
		}).build();
	}

}
