package dev.shopfront.notification.config;

import dev.shopfront.chassis.security.ChassisSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what: every request needs a token; whose notifications a caller sees is
 * decided by the notification log (their own, or anyone's for an administrator).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ChassisSecurity chassis) throws Exception {
		return chassis.apply(http).authorizeHttpRequests((requests) -> requests.anyRequest().authenticated()).build();
	}

}
