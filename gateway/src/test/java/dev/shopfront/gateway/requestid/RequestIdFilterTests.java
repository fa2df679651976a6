package dev.shopfront.gateway.requestid;

import java.util.Collections;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request leaves the filter with exactly one sensible {@code X-Request-Id}, which
 * the response carries too.
 */
class RequestIdFilterTests {

	private final RequestIdFilter filter = new RequestIdFilter();

	@Test
	void addsAUuidWhenMissing() throws Exception {
		Seen seen = run(new MockHttpServletRequest("GET", "/api/users/me"));

		assertThat(seen.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
		assertThat(seen.response().getHeader("X-Request-Id")).isEqualTo(seen.id());
		assertThat(Collections.list(seen.request().getHeaderNames())).contains("X-Request-Id");
	}

	@Test
	void keepsASensibleIdOfTheClient() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/users/me");
		request.addHeader("x-request-id", "abc-123");

		Seen seen = run(request);

		assertThat(seen.id()).isEqualTo("abc-123");
		assertThat(seen.response().getHeader("X-Request-Id")).isEqualTo("abc-123");
	}

	@Test
	void replacesOddOrRepeatedIds() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/users/me");
		request.addHeader("X-Request-Id", "x".repeat(200));
		request.addHeader("X-Request-Id", "second");

		Seen seen = run(request);

		assertThat(seen.id()).hasSize(36);
		assertThat(Collections.list(seen.request().getHeaders("X-Request-Id"))).containsExactly(seen.id());
		assertThat(Collections.list(seen.request().getHeaderNames()).stream().filter("X-Request-Id"::equalsIgnoreCase))
			.hasSize(1);
	}

	private Seen run(MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicReference<HttpServletRequest> passed = new AtomicReference<>();
		this.filter.doFilter(request, response, new MockFilterChain() {
			@Override
			public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
				passed.set((HttpServletRequest) req);
			}
		});
		return new Seen(passed.get(), response, passed.get().getHeader("X-Request-Id"));
	}

	private record Seen(HttpServletRequest request, MockHttpServletResponse response, String id) {
	}

}
