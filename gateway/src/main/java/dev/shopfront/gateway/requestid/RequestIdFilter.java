package dev.shopfront.gateway.requestid;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request one {@code X-Request-Id}: the client's when it sent a sensible one,
 * otherwise a new UUID; the services and the response see the same value.
 */
public class RequestIdFilter extends OncePerRequestFilter {

	/** The header. */
	public static final String HEADER = "X-Request-Id";

	/** Key of the id in the logging context. */
	static final String MDC_KEY = "requestId";

	private static final Pattern SENSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = request.getHeader(HEADER);
		if (id == null || !SENSIBLE.matcher(id).matches()) {
			id = UUID.randomUUID().toString();
		}
		response.setHeader(HEADER, id);
		MDC.put(MDC_KEY, id);
		try {
			chain.doFilter(new WithRequestId(request, id), response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	/**
	 * The request with exactly one {@code X-Request-Id}.
	 */
	private static final class WithRequestId extends HttpServletRequestWrapper {

		private final String id;

		WithRequestId(HttpServletRequest request, String id) {
			super(request);
			this.id = id;
		}

		@Override
		public @Nullable String getHeader(String name) {
			return HEADER.equalsIgnoreCase(name) ? this.id : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HEADER.equalsIgnoreCase(name) ? Collections.enumeration(Set.of(this.id)) : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			Set<String> names = new LinkedHashSet<>();
			for (Enumeration<String> all = super.getHeaderNames(); all.hasMoreElements();) {
				String name = all.nextElement();
				if (!HEADER.equalsIgnoreCase(name)) {
					names.add(name);
				}
			}
			names.add(HEADER);
			return Collections.enumeration(names);
		}

	}

}
