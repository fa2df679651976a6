package dev.shopfront.gateway.migration;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Sends each request of a route to its upstream, the service or (while the route is
 * migrating) the legacy application as the route's mode says, and measures every upstream
 * alike: {@code shopfront.gateway.upstream.requests} by route, upstream ({@code service}
 * or {@code legacy}) and outcome (the status class, or {@code error} when none came),
 * with its latency. A canary is judged, and rolled back, by these.
 */
public final class UpstreamChoice implements HandlerFilterFunction<ServerResponse, ServerResponse> {

	/** The request attribute that says which upstream a request went to. */
	public static final String UPSTREAM = UpstreamChoice.class.getName() + ".upstream";

	private static final java.util.Set<String> SAFE = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final String route;

	private final URI service;

	private final MigrationModes modes;

	private final ShadowComparison shadows;

	private final MeterRegistry meters;

	UpstreamChoice(String route, URI service, MigrationModes modes, ShadowComparison shadows, MeterRegistry meters) {
		this.route = route;
		this.service = service;
		this.modes = modes;
		this.shadows = shadows;
		this.meters = meters;
	}

	@Override
	public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
		String upstream = "service";
		if (this.modes.migrating(this.route)) {
			RouteState state = this.modes.current(this.route);
			boolean write = !SAFE.contains(request.method().name());
			if (!state.toService(write, CanaryAssignment.bucket(this.route, request))) {
				upstream = "legacy";
				MvcUtils.setRequestUrl(request, this.modes.legacyUri(this.route));
				if (state.mode() == Mode.SHADOW) {
					this.shadows.markForComparison(this.route, request.servletRequest());
				}
			}
			else {
				MvcUtils.setRequestUrl(request, this.service);
			}
		}
		request.attributes().put(UPSTREAM, upstream);
		long start = System.nanoTime();
		String outcome = "error";
		try {
			ServerResponse response = next.handle(request);
			outcome = response.statusCode().value() / 100 + "xx";
			return response;
		}
		finally {
			Timer.builder("shopfront.gateway.upstream.requests")
				.description("Requests the gateway sent to an upstream, by route, upstream and outcome")
				.tags("route", this.route, "upstream", upstream, "outcome", outcome)
				.register(this.meters)
				.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}
	}

}
