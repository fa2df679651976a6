package dev.shopfront.gateway.requestid;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.ResponseHttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;

/**
 * Puts the {@link RequestIdFilter} in front of every other filter, so even the gateway's
 * own error answers carry the id, and keeps a service's own {@code X-Request-Id} out of
 * the response.
 */
@Configuration(proxyBeanMethods = false)
class RequestIdConfiguration {

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	ResponseHttpHeadersFilter dropUpstreamRequestId() {
		return (headers, response) -> {
			if (!headers.containsHeader(RequestIdFilter.HEADER)) {
				return headers;
			}
			HttpHeaders filtered = new HttpHeaders();
			filtered.putAll(headers);
			filtered.remove(RequestIdFilter.HEADER);
			return filtered;
		};
	}

}
