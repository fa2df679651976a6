package dev.shopfront.order.config;

import dev.shopfront.chassis.security.ChassisSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what: customers place orders; owners and administrators read and cancel
 * them (ownership is checked by the controller, which answers 404 for another's order).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ChassisSecurity chassis) throws Exception {
		return chassis.apply(http)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/api/orders")
				.hasRole("CUSTOMER")
				.requestMatchers("/api/orders", "/api/orders/**")
				.hasAnyRole("CUSTOMER", "ADMIN")
				.anyRequest()
				.authenticated())
			.build();
	}

}
