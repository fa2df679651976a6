package dev.shopfront.gateway.migration;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The routes that are being moved off a legacy application, under
 * {@code shopfront.gateway.migration}; each names a route of
 * {@code shopfront.gateway.routes}.
 *
 * @param routes by route name: where its legacy application is and how to compare
 * @param shadowQueue shadow comparisons that may wait; more are dropped and counted
 * @param shadowWorkers threads that send shadow copies and compare
 * @param mismatchesKept the last mismatches kept per route for ADMINs to read
 * @param refresh how long a gateway instance uses a mode it read from Redis before it
 * reads it again (a change made through another instance reaches this one within it)
 */
@ConfigurationProperties("shopfront.gateway.migration")
public record MigrationProperties(Map<String, MigratingRoute> routes, @DefaultValue("200") int shadowQueue,
		@DefaultValue("2") int shadowWorkers, @DefaultValue("20") int mismatchesKept,
		@DefaultValue("1s") Duration refresh) {

	public MigrationProperties {
		routes = (routes != null) ? Map.copyOf(routes) : Map.of();
	}

	/**
	 * One route on its way from the legacy application to its service.
	 *
	 * @param legacyUri the legacy application's base URL
	 * @param initialMode the mode before any ADMIN changed it
	 * @param ignoreFields JSON members a shadow comparison ignores wherever they are
	 * (timestamps, generated ids)
	 * @param mirrorUnsafe whether shadow mode copies POST, PUT, PATCH and DELETE to the
	 * service too (off: a copy of a write would write twice)
	 * @param reconciliationUri for a route whose data is copied from the legacy database
	 * to the service's (migration-sync), the report of the difference
	 * ({@code GET /admin/reconciliation}): its writes stay on the legacy application
	 * until an ADMIN cuts them over, which needs a difference of zero
	 */
	public record MigratingRoute(URI legacyUri, @DefaultValue("legacy") Mode initialMode, List<String> ignoreFields,
			@DefaultValue("false") boolean mirrorUnsafe, @Nullable URI reconciliationUri) {

		public MigratingRoute {
			ignoreFields = (ignoreFields != null) ? List.copyOf(ignoreFields) : List.of();
		}

	}

}
