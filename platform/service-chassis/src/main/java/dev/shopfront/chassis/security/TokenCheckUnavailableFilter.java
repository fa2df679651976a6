package dev.shopfront.chassis.security;

import java.io.IOException;

import dev.shopfront.chassis.web.ProblemWriter;
import dev.shopfront.chassis.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a 503 problem when a token cannot be checked at all (the issuer's key set
 * cannot be fetched), instead of the empty 500 the security filter would leave behind.
 */
class TokenCheckUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(TokenCheckUnavailableFilter.class);

	private final ProblemWriter problems;

	TokenCheckUnavailableFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (AuthenticationServiceException ex) {
			if (response.isCommitted()) {
				throw ex;
			}
			log.warn("Cannot check tokens: {}", ex.getMessage());
			response.resetBuffer();
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			this.problems.write(request, response,
					Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
							"Tokens cannot be checked right now; try again shortly."));
		}
	}

}
