package dev.shopfront.gateway.migration;

import java.net.URI;

/**
 * Makes the {@link UpstreamChoice} of a route.
 */
@FunctionalInterface
public interface UpstreamChoices {

	/**
	 * The upstream choice of a route.
	 * @param route the route's name
	 * @param service the service's base URL
	 * @return the filter its requests pass through
	 */
	UpstreamChoice forRoute(String route, URI service);

}
