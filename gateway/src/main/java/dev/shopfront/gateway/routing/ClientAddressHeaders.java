package dev.shopfront.gateway.routing;

import java.util.List;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Tells the services who the client is, and only that: whatever {@code Forwarded},
 * {@code X-Forwarded-*} or {@code X-Real-IP} a client sends is dropped, and
 * {@code X-Forwarded-For} is set to the address the gateway sees. A service behind the
 * gateway (user-service limits logins per client address) can then trust the header,
 * since nobody else can reach it.
 */
class ClientAddressHeaders implements RequestHttpHeadersFilter, Ordered {

	static final String X_FORWARDED_FOR = "X-Forwarded-For";

	private static final List<String> CLIENT_SUPPLIED = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host",
			"X-Forwarded-Port", "X-Forwarded-Proto", "X-Forwarded-Prefix", "X-Real-IP");

	@Override
	public HttpHeaders apply(HttpHeaders input, ServerRequest request) {
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(input);
		CLIENT_SUPPLIED.forEach(headers::remove);
		headers.set(X_FORWARDED_FOR, request.servletRequest().getRemoteAddr());
		return headers;
	}

	@Override
	public int getOrder() {
		// after the gateway's own forwarding filters, so what they added is replaced too
		return Ordered.LOWEST_PRECEDENCE;
	}

}
