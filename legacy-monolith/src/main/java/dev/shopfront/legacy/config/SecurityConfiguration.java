package dev.shopfront.legacy.config;

import dev.shopfront.chassis.security.ChassisSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Anyone reads the catalog; ADMINs change it (the same rules as inventory-service);
 * customers place orders and read their own.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ChassisSecurity chassis) throws Exception {
		return chassis.apply(http)
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(HttpMethod.GET, "/api/products", "/api/products/**")
						.permitAll()
						.requestMatchers("/api/products", "/api/products/**")
						.hasRole("ADMIN")
						.requestMatchers(HttpMethod.POST, "/api/orders")
						.hasRole("CUSTOMER")
						.anyRequest()
						.authenticated())
			.build();
	}

}
