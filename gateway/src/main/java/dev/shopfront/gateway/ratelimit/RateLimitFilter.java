package dev.shopfront.gateway.ratelimit;

import java.io.IOException;
import java.util.function.Function;

import dev.shopfront.chassis.web.ProblemWriter;
import dev.shopfront.chassis.web.Problems;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies one rate limit (per client IP, or per user) and answers a 429 problem with
 * {@code Retry-After} once it is spent; announces what is left in
 * {@code X-RateLimit-Remaining} (the lowest of the limits a request passed).
 */
class RateLimitFilter extends OncePerRequestFilter {

	static final String REMAINING = "X-RateLimit-Remaining";

	private static final String LOWEST_REMAINING = RateLimitFilter.class.getName() + ".remaining";

	private final String keyPrefix;

	private final long limit;

	private final Function<HttpServletRequest, @Nullable String> client;

	private final RateLimiter limiter;

	private final ProblemWriter problems;

	private final Counter refused;

	/**
	 * A filter for one limit.
	 * @param keyPrefix prefix of the bucket keys, such as
	 * {@code shopfront:gateway:rate-limit:ip:}
	 * @param limit requests per period
	 * @param client who sent the request, or {@code null} when this limit does not apply
	 * @param limiter the buckets
	 * @param problems writes the 429
	 * @param refused counts the requests refused
	 */
	RateLimitFilter(String keyPrefix, long limit, Function<HttpServletRequest, @Nullable String> client,
			RateLimiter limiter, ProblemWriter problems, Counter refused) {
		this.keyPrefix = keyPrefix;
		this.limit = limit;
		this.client = client;
		this.limiter = limiter;
		this.problems = problems;
		this.refused = refused;
	}

	@Override
	protected String getAlreadyFilteredAttributeName() {
		// Two instances (IP and user) run on one request: each needs its own mark.
		return RateLimitFilter.class.getName() + "." + this.keyPrefix + ".FILTERED";
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// The gateway's own probes and metrics are not limited.
		return request.getRequestURI().startsWith("/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String who = this.client.apply(request);
		if (who == null) {
			chain.doFilter(request, response);
			return;
		}
		Allowance allowance = this.limiter.tryConsume(this.keyPrefix + who, this.limit);
		if (!allowance.granted()) {
			this.refused.increment();
			long seconds = allowance.retryAfterSeconds();
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			response.setHeader(REMAINING, "0");
			this.problems.write(request, response, tooManyRequests(seconds));
			return;
		}
		announce(request, response, allowance.remaining());
		chain.doFilter(request, response);
	}

	private static void announce(HttpServletRequest request, HttpServletResponse response, long remaining) {
		if (remaining < 0) {
			return;
		}
		long lowest = (request.getAttribute(LOWEST_REMAINING) instanceof Long earlier) ? Math.min(earlier, remaining)
				: remaining;
		request.setAttribute(LOWEST_REMAINING, lowest);
		response.setHeader(REMAINING, Long.toString(lowest));
	}

	static ProblemDetail tooManyRequests(long retryAfterSeconds) {
		return Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
				"Too many requests in a short time; try again in " + retryAfterSeconds + " s.");
	}

}
