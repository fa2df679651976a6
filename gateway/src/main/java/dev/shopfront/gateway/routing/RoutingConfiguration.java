package dev.shopfront.gateway.routing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.shopfront.chassis.config.ChassisProperties;
import dev.shopfront.chassis.web.ProblemWriter;
import dev.shopfront.gateway.config.GatewayProperties;
import dev.shopfront.gateway.config.GatewayProperties.Route;
import dev.shopfront.gateway.migration.UpstreamChoices;

import org.apache.hc.core5.util.Timeout;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions;
import org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * One route per service in {@code shopfront.gateway.routes}: its paths go to its base URL
 * with the path unchanged; internal and actuator paths never go anywhere.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

	/** Paths of the services that are never routed, whatever a route's patterns say. */
	static final List<String> NEVER_ROUTED = List.of("/internal/**", "/actuator/**");

	/**
	 * Open connections the proxy keeps to one service at most; a request beyond them
	 * waits for one (up to the connect timeout). More than the services' Tomcat threads
	 * would only queue there.
	 */
	static final int MAX_CONNECTIONS_PER_SERVICE = 64;

	/** Where the raw API documents are: {@code /api-docs/<service>.json}. */
	static final String API_DOCUMENTS = "/api-docs/";

	@Bean
	RouterFunction<ServerResponse> serviceRoutes(GatewayProperties properties, ProblemWriter problems,
			ChassisProperties chassis, UpstreamChoices upstreams) {
		Duration retryAfter = chassis.web().unavailableRetryAfter();
		if (properties.routes().isEmpty()) {
			throw new IllegalStateException("No routes: configure shopfront.gateway.routes");
		}
		return properties.routes()
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map((entry) -> route(entry.getKey(), entry.getValue(), problems, retryAfter, upstreams))
			.reduce(RouterFunction::and)
			.orElseThrow();
	}

	/**
	 * The raw API documents at stable addresses: {@code /api-docs/<service>.json} is the
	 * service's {@code /v3/api-docs/public}, the document the API page shows.
	 * @param properties the gateway settings
	 * @param problems writes the gateway's own errors
	 * @param chassis the chassis settings
	 * @return one route per service
	 */
	@Bean
	RouterFunction<ServerResponse> apiDocumentRoutes(GatewayProperties properties, ProblemWriter problems,
			ChassisProperties chassis) {
		Duration retryAfter = chassis.web().unavailableRetryAfter();
		return properties.routes()
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map((entry) -> GatewayRouterFunctions.route(entry.getKey() + "-api-document")
				.route(RequestPredicates.GET(API_DOCUMENTS + entry.getKey() + ".json"), HandlerFunctions.http())
				.before(BeforeFilterFunctions.uri(Objects.requireNonNull(entry.getValue().uri())))
				.before(BeforeFilterFunctions.setPath("/v3/api-docs/public"))
				.filter(new UpstreamErrors(entry.getKey(), problems, retryAfter))
				.build())
			.reduce(RouterFunction::and)
			.orElseThrow();
	}

	private static RouterFunction<ServerResponse> route(String service, Route route, ProblemWriter problems,
			Duration retryAfter, UpstreamChoices upstreams) {
		if (route.uri() == null || route.paths().isEmpty()) {
			throw new IllegalStateException("Route " + service
					+ " needs a uri and at least one path (shopfront.gateway.routes." + service + ")");
		}
		return GatewayRouterFunctions.route(service)
			.route(anyOf(route.paths()).and(anyOf(NEVER_ROUTED).negate()), HandlerFunctions.http())
			.before(BeforeFilterFunctions.uri(route.uri()))
			.filter(new UpstreamErrors(service, problems, retryAfter))
			.filter(upstreams.forRoute(service, route.uri()))
			.build();
	}

	private static RequestPredicate anyOf(List<String> patterns) {
		return patterns.stream().map(RequestPredicates::path).reduce(RequestPredicate::or).orElseThrow();
	}

	@Bean
	ClientAddressHeaders clientAddressHeaders() {
		return new ClientAddressHeaders();
	}

	/**
	 * The HTTP client to the services, with the configured timeouts; redirects are passed
	 * to the client, not followed. It keeps no cookies (a client shared by every user
	 * must not hand one user's {@code Set-Cookie} to the next) and neither asks for
	 * compressed answers nor decompresses them: what the client sent and the service
	 * answered passes as it is. Apache HttpClient's classic pool: the request's own
	 * (virtual) thread does the exchange and connections are kept and reused. The JDK's
	 * client handed every exchange across three threads and, measured with
	 * {@code bench/read-benchmark.sh}, closed most connections after a few requests
	 * (docs/benchmarks.md).
	 * @param properties the gateway settings
	 * @return the request factory the gateway's proxy uses
	 */
	@Bean
	ClientHttpRequestFactory upstreamRequestFactory(GatewayProperties properties) {
		HttpClientSettings settings = HttpClientSettings.defaults()
			.withRedirects(HttpRedirects.DONT_FOLLOW)
			.withTimeouts(properties.timeouts().connect(), properties.timeouts().read());
		return ClientHttpRequestFactoryBuilder.httpComponents()
			.withHttpClientCustomizer((client) -> client.disableCookieManagement().disableContentCompression())
			.withConnectionManagerCustomizer((pool) -> pool.setMaxConnPerRoute(MAX_CONNECTIONS_PER_SERVICE)
				.setMaxConnTotal(MAX_CONNECTIONS_PER_SERVICE * 16))
			// waiting for a free connection counts against the connect timeout, not
			// HttpClient's 3 min
			.withDefaultRequestConfigCustomizer(
					(request) -> request.setConnectionRequestTimeout(Timeout.of(properties.timeouts().connect())))
			.build(settings);
	}

}
