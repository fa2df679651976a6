package dev.shopfront.chassis.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above a cap with a 413 problem: at once when the declared length
 * is too large, and while reading when a chunked body grows past it.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final ProblemWriter problems;

	public BodySizeLimitFilter(long maxBytes, ProblemWriter problems) {
		this.maxBytes = maxBytes;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.maxBytes) {
			response.setHeader("Connection", "close");
			this.problems.write(request, response, Problems.payloadTooLarge());
			return;
		}
		chain.doFilter((declared < 0) ? new CappedRequest(request, this.maxBytes) : request, response);
	}

	private static final class CappedRequest extends HttpServletRequestWrapper {

		private final long maxBytes;

		private @Nullable ServletInputStream stream;

		CappedRequest(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream capped = this.stream;
			if (capped == null) {
				capped = new CappedStream(super.getInputStream(), this.maxBytes);
				this.stream = capped;
			}
			return capped;
		}

	}

	private static final class CappedStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long maxBytes;

		private long read;

		CappedStream(ServletInputStream delegate, long maxBytes) {
			this.delegate = delegate;
			this.maxBytes = maxBytes;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws PayloadTooLargeException {
			this.read += n;
			if (this.read > this.maxBytes) {
				throw new PayloadTooLargeException(this.maxBytes);
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
