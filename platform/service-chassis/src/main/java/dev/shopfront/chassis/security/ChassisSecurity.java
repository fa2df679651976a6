package dev.shopfront.chassis.security;

import java.io.IOException;

import dev.shopfront.chassis.web.ProblemWriter;
import dev.shopfront.chassis.web.Problems;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;

/**
 * The security setup every service shares: stateless, no CSRF (bearer tokens only), JWT
 * resource server with roles from the {@code roles} claim, and 401/403 as problems. A
 * service calls {@link #apply(HttpSecurity)} and then adds its own authorization rules.
 */
public class ChassisSecurity {

	/** Roles come from this claim, as {@code ROLE_<role>} authorities. */
	public static final String ROLES_CLAIM = "roles";

	private final ProblemWriter problems;

	public ChassisSecurity(ProblemWriter problems) {
		this.problems = problems;
	}

	/**
	 * Applies the shared setup; health probes, metrics, the API documents and error
	 * dispatches are open.
	 * @param http the builder of the service's filter chain
	 * @return the same builder, for the service's own rules
	 * @throws Exception as {@link HttpSecurity} does
	 */
	public HttpSecurity apply(HttpSecurity http) throws Exception {
		return http
			.addFilterBefore(new TokenCheckUnavailableFilter(this.problems), BearerTokenAuthenticationFilter.class)
			.csrf(AbstractHttpConfigurer::disable)
			.cors(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.oauth2ResourceServer((server) -> server.authenticationEntryPoint(this::unauthorized)
				.accessDeniedHandler(this::forbidden)
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter())))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(this::unauthorized)
				.accessDeniedHandler(this::forbidden))
			.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**")
				.permitAll()
				.requestMatchers("/actuator/deadletters", "/actuator/deadletters/**")
				.hasRole("ADMIN"));
	}

	/**
	 * Maps the {@code roles} claim to {@code ROLE_*} authorities; the principal name is
	 * the subject.
	 * @return the converter
	 */
	public static JwtAuthenticationConverter jwtAuthenticationConverter() {
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		authorities.setAuthoritiesClaimName(ROLES_CLAIM);
		authorities.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authorities);
		return converter;
	}

	void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		boolean badToken = ex instanceof OAuth2AuthenticationException;
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
		this.problems.write(request, response,
				Problems.problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
						badToken ? "The bearer token is invalid, expired or not signed by a trusted key."
								: "Authentication is required: send a bearer token."));
	}

	void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		this.problems.write(request, response,
				Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You are not allowed to do this."));
	}

}
