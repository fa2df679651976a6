package dev.shopfront.user.config;

import dev.shopfront.chassis.security.ChassisSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what: registration, e-mail verification, login, refresh, logout, the
 * client-credentials grant and the JWKS are open; the own profile needs a customer or
 * admin token; accounts by id need an admin or service token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ChassisSecurity chassis) throws Exception {
		return chassis.apply(http)
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(HttpMethod.POST, "/api/users", "/api/users/verify-email", "/api/auth/token",
						"/api/auth/refresh", "/api/auth/logout", "/oauth2/token")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/.well-known/jwks.json")
				.permitAll()
				.requestMatchers("/api/users/me", "/api/users/me/**")
				.hasAnyRole("CUSTOMER", "ADMIN")
				.requestMatchers(HttpMethod.GET, "/api/users/*")
				.hasAnyRole("ADMIN", "SERVICE")
				.anyRequest()
				.authenticated())
			.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
