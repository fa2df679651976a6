package dev.shopfront.migrationsync.config;

import dev.shopfront.chassis.security.ChassisSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Everything this application answers is for ADMINs: the capture's state and switch, and
 * the reconciliation report.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ChassisSecurity chassis) throws Exception {
		return chassis.apply(http)
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/admin/**").hasRole("ADMIN").anyRequest().denyAll())
			.build();
	}

}
