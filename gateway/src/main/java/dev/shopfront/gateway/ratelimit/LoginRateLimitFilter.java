package dev.shopfront.gateway.ratelimit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.shopfront.chassis.crypto.Digests;
import dev.shopfront.chassis.web.ProblemWriter;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits password guessing at the door, before user-service spends a password hash on it:
 * {@code POST /api/auth/token} is limited per client IP (whatever e-mail it tries) and
 * per client IP and e-mail address. The address is read from the JSON body, which is then
 * passed on unchanged, and kept in Redis only as a hash. A body the filter cannot read is
 * counted per IP only (user-service refuses it anyway).
 */
class LoginRateLimitFilter extends OncePerRequestFilter {

	/** Bodies longer than this are not parsed for the e-mail address. */
	private static final int MAX_BODY = 8 * 1024;

	private final String path;

	private final String keyPrefix;

	private final long perIp;

	private final long perIpAndEmail;

	private final RateLimiter limiter;

	private final ProblemWriter problems;

	private final JsonMapper json;

	private final Counter refused;

	LoginRateLimitFilter(String path, String keyPrefix, long perIp, long perIpAndEmail, RateLimiter limiter,
			ProblemWriter problems, JsonMapper json, Counter refused) {
		this.path = path;
		this.keyPrefix = keyPrefix;
		this.perIp = perIp;
		this.perIpAndEmail = perIpAndEmail;
		this.limiter = limiter;
		this.problems = problems;
		this.json = json;
		this.refused = refused;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && this.path.equals(request.getRequestURI()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String ip = request.getRemoteAddr();
		Allowance byIp = this.limiter.tryConsume(this.keyPrefix + "login-ip:" + ip, this.perIp);
		if (!byIp.granted()) {
			refuse(request, response, byIp);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
		String email = (body.length <= MAX_BODY) ? email(body) : null;
		if (email != null) {
			Allowance byEmail = this.limiter.tryConsume(
					this.keyPrefix + "login:" + ip + ":" + Digests.sha256Hex(email).substring(0, 32),
					this.perIpAndEmail);
			if (!byEmail.granted()) {
				refuse(request, response, byEmail);
				return;
			}
		}
		// what was read, then whatever the filter left unread
		chain.doFilter(new ReplayedBody(request,
				new SequenceInputStream(new ByteArrayInputStream(body), request.getInputStream())), response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, Allowance allowance)
			throws IOException {
		this.refused.increment();
		long seconds = allowance.retryAfterSeconds();
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		this.problems.write(request, response, RateLimitFilter.tooManyRequests(seconds));
	}

	private @Nullable String email(byte[] body) {
		try {
			JsonNode email = this.json.readTree(body).get("email");
			return (email != null && email.isString()) ? email.asString().strip().toLowerCase(Locale.ROOT) : null;
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return null;
		}
	}

	/** The request with the body this filter read, to be read again. */
	private static final class ReplayedBody extends HttpServletRequestWrapper {

		private final InputStream in;

		ReplayedBody(HttpServletRequest request, InputStream body) {
			super(request);
			this.in = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			InputStream in = this.in;
			return new ServletInputStream() {

				private boolean finished;

				@Override
				public int read() throws IOException {
					int b = in.read();
					this.finished = b < 0;
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = in.read(buffer, offset, length);
					this.finished = n < 0;
					return n;
				}

				@Override
				public boolean isFinished() {
					return this.finished;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("blocking reads only");
				}

			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(
					new java.io.InputStreamReader(getInputStream(), (getCharacterEncoding() != null)
							? java.nio.charset.Charset.forName(getCharacterEncoding()) : StandardCharsets.UTF_8));
		}

	}

}
