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
		// a route whose legacy address is empty is not migrating (./shop without
		// --with-legacy)
		routes = (routes != null)
				? routes.entrySet()
					.stream()
					.filter((route) -> route.getValue().named())
					.collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue))
				: Map.of();
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
	 * @param syncUri for a route whose data is copied from the legacy database to the
	 * service's, the migration-sync application that copies it (its
	 * {@code GET /admin/reconciliation} reports the difference): the route's writes stay
	 * on the legacy application until an ADMIN cuts them over, which needs a difference
	 * of zero; empty for none
	 */
	public record MigratingRoute(URI legacyUri, @DefaultValue("legacy") Mode initialMode, List<String> ignoreFields,
			@DefaultValue("false") boolean mirrorUnsafe, @Nullable URI syncUri) {

		public MigratingRoute {
			ignoreFields = (ignoreFields != null) ? List.copyOf(ignoreFields) : List.of();
			syncUri = (syncUri == null || syncUri.toString().isBlank()) ? null : syncUri;
		}

		/**
		 * Whether the route names a legacy application (an empty address, as a
		 * placeholder gives while the application does not run, means it does not).
		 * @return true when it does
		 */
		boolean named() {
			return this.legacyUri != null && !this.legacyUri.toString().isBlank();
		}

	}

}
