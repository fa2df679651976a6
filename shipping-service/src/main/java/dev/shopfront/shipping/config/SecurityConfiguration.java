package dev.shopfront.shipping.config;

import dev.shopfront.chassis.security.ChassisSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what: only administrators move shipments on; every other request needs a
 * token, and whose shipments a caller sees is decided by the shipments themselves (owner
 * or administrator).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ChassisSecurity chassis) throws Exception {
		return chassis.apply(http)
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(HttpMethod.POST, "/api/shipments/*/dispatch", "/api/shipments/*/deliver")
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated())
			.build();
	}

}
