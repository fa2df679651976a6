package dev.shopfront.chassis.web;

import java.io.IOException;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies Spring Security's firewall to the whole request at once, before anything reads
 * it: its path, every header and (for requests without a form body) the query parameters.
 * The firewall itself checks headers and parameters only when they are read, so a header
 * with control characters used to fail deep inside a handler or the proxy, as a 500; here
 * it is a 400 problem before the request goes on. A query string that cannot be decoded
 * (Tomcat's own refusal) is a 400 too.
 */
class RejectedRequestFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RejectedRequestFilter.class);

	private static final String TOMCAT_INVALID_PARAMETER = "org.apache.tomcat.util.http.InvalidParameterException";

	private final HttpFirewall firewall = new StrictHttpFirewall();

	private final ProblemWriter problems;

	RejectedRequestFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			FirewalledRequest checked = this.firewall.getFirewalledRequest(request);
			for (Enumeration<String> names = checked.getHeaderNames(); names.hasMoreElements();) {
				for (Enumeration<String> values = checked.getHeaders(names.nextElement()); values.hasMoreElements();) {
					values.nextElement();
				}
			}
			if (!isForm(request)) {
				checked.getParameterMap().forEach((name, values) -> checked.getParameterValues(name));
			}
		}
		catch (RequestRejectedException ex) {
			refuse(request, response, String.valueOf(ex.getMessage()));
			return;
		}
		catch (IllegalStateException ex) {
			if (!TOMCAT_INVALID_PARAMETER.equals(ex.getClass().getName())) {
				throw ex;
			}
			refuse(request, response, "undecodable query string");
			return;
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String why) throws IOException {
		log.info("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), why);
		this.problems.write(request, response, badRequest());
	}

	static ProblemDetail badRequest() {
		return Problems.problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
				"The request has characters or a form this service does not accept.");
	}

	private static boolean isForm(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null
				&& (type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
						|| type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE));
	}

}
