package dev.shopfront.gateway.ratelimit;

import dev.shopfront.chassis.web.ProblemWriter;
import dev.shopfront.gateway.config.GatewayProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;

/**
 * Puts the rate limits into the gateway's security filter chain: per client IP before the
 * token is checked (so floods never reach the check), the login limits (per IP, and per
 * IP and e-mail) on {@code POST /api/auth/token}, and per user (token subject) right
 * after the token check.
 */
public class RateLimiting {

	private final GatewayProperties.RateLimit settings;

	private final RateLimiter limiter;

	private final ProblemWriter problems;

	private final MeterRegistry meters;

	private final JsonMapper json;

	RateLimiting(GatewayProperties.RateLimit settings, RateLimiter limiter, ProblemWriter problems,
			MeterRegistry meters, JsonMapper json) {
		this.settings = settings;
		this.limiter = limiter;
		this.problems = problems;
		this.meters = meters;
		this.json = json;
	}

	/**
	 * Adds the limits to a filter chain, unless rate limiting is switched off.
	 * @param http the builder of the filter chain
	 * @return the same builder
	 */
	public HttpSecurity apply(HttpSecurity http) {
		if (!this.settings.enabled()) {
			return http;
		}
		String prefix = this.settings.keyPrefix() + "gateway:rate-limit:";
		return http
			.addFilterBefore(new RateLimitFilter(prefix + "ip:", this.settings.perIp(),
					HttpServletRequest::getRemoteAddr, this.limiter, this.problems, refused("ip")),
					BearerTokenAuthenticationFilter.class)
			.addFilterBefore(new LoginRateLimitFilter(this.settings.login().path(), prefix,
					this.settings.login().perIp(), this.settings.login().perIpAndEmail(), this.limiter, this.problems,
					this.json, refused("login")), BearerTokenAuthenticationFilter.class)
			.addFilterAfter(new RateLimitFilter(prefix + "user:", this.settings.perUser(), RateLimiting::user,
					this.limiter, this.problems, refused("user")), BearerTokenAuthenticationFilter.class);
	}

	private Counter refused(String limit) {
		return Counter.builder("shopfront.gateway.rate-limit.refused")
			.description("Requests refused with 429 by a rate limit")
			.tag("limit", limit)
			.register(this.meters);
	}

	private static @Nullable String user(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication instanceof JwtAuthenticationToken token) ? token.getName() : null;
	}

}
