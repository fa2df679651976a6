package dev.shopfront.gateway.migration;

import java.net.URI;
import java.util.List;

import dev.shopfront.gateway.config.GatewayProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ADMIN API of the migration: read and change each migrating route's mode (no
 * restart, every gateway instance follows within a second), the audit of changes, and the
 * last shadow mismatches. Rolling a canary back is one call: {@code {"mode": "legacy"}}.
 */
@RestController
@RequestMapping("/admin/migration")
class MigrationController {

	private final MigrationModes modes;

	private final ShadowComparison shadows;

	private final GatewayProperties gateway;

	private final CutOverGuard guard;

	MigrationController(MigrationModes modes, ShadowComparison shadows, GatewayProperties gateway, CutOverGuard guard) {
		this.modes = modes;
		this.shadows = shadows;
		this.gateway = gateway;
		this.guard = guard;
	}

	@GetMapping("/routes")
	List<RouteView> routes() {
		return this.modes.routes().stream().map((route) -> view(route, this.modes.read(route))).toList();
	}

	@GetMapping("/routes/{route}")
	RouteView route(@PathVariable String route) {
		return view(known(route), this.modes.read(route));
	}

	@PutMapping("/routes/{route}")
	RouteView change(@PathVariable String route, @Valid @RequestBody ModeChange change, Authentication caller) {
		known(route);
		if (change.mode() == Mode.CANARY && change.percent() == null) {
			throw new InvalidModeChange("A canary needs its share: percent, from 0 to 100.");
		}
		if (change.mode() != Mode.CANARY && change.percent() != null) {
			throw new InvalidModeChange("Only a canary takes a percent; "
					+ change.mode().name().toLowerCase(java.util.Locale.ROOT) + " sends "
					+ ((change.mode() == Mode.SERVICE) ? "all" : "none") + " of the traffic to the service.");
		}
		int percent = (change.percent() != null) ? change.percent() : 0;
		return view(route, this.modes.change(route, change.mode(), percent, caller.getName()));
	}

	/**
	 * Cuts a route's writes over to the service, or back to the legacy application (the
	 * rollback, always allowed). To the service only when all its reads go there already
	 * (mode {@code service}) and its reconciliation, asked with the caller's token,
	 * reports zero rows of difference.
	 */
	@PutMapping("/routes/{route}/writes")
	RouteView changeWrites(@PathVariable String route, @Valid @RequestBody WritesChange change, Authentication caller,
			@RequestHeader(name = "Authorization", required = false) @Nullable String token) {
		known(route);
		URI report = this.modes.reconciliationUri(route);
		if (report == null) {
			throw new InvalidModeChange("The writes of " + route
					+ " follow its mode: it names no migration-sync (sync-uri), so no data moves with it.");
		}
		if (change.to() == WritesTo.SERVICE) {
			RouteState state = this.modes.read(route);
			if (state.mode() != Mode.SERVICE) {
				throw new CutOverGuard.CutOverRefused("Reads of " + route + " are not all on the service yet (mode "
						+ state.mode().name().toLowerCase(java.util.Locale.ROOT)
						+ "): move them first, then cut the writes over.");
			}
			this.guard.check(route, report, token);
		}
		return view(route, this.modes.changeWrites(route, change.to(), caller.getName()));
	}

	@GetMapping("/audit")
	List<MigrationModes.Change> audit(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		return this.modes.audit(limit);
	}

	@GetMapping("/routes/{route}/mismatches")
	List<ShadowComparison.Mismatch> mismatches(@PathVariable String route) {
		return this.shadows.mismatches(known(route));
	}

	private String known(String route) {
		if (!this.modes.migrating(route)) {
			throw new UnknownMigratingRoute("No migrating route " + route + ".");
		}
		return route;
	}

	private RouteView view(String route, RouteState state) {
		GatewayProperties.Route configured = this.gateway.routes().get(route);
		return new RouteView(route, state.mode(), state.percent(), state.writes(), this.modes.legacyUri(route),
				(configured != null) ? configured.uri() : null, state.changedBy(), state.changedAt());
	}

	/**
	 * A change of mode.
	 *
	 * @param mode {@code legacy}, {@code shadow}, {@code canary} or {@code service}
	 * @param percent for a canary, the share of clients for the service
	 */
	record ModeChange(@NotNull Mode mode, @Nullable @Min(0) @Max(100) Integer percent) {
	}

	/**
	 * A migrating route as it stands.
	 *
	 * @param route the route
	 * @param mode its mode
	 * @param percent the share of clients sent to the service
	 * @param writes where its writes go, for a route that moves its data; null when they
	 * follow the mode
	 * @param legacyUri the legacy application
	 * @param serviceUri the service
	 * @param changedBy who set the mode, or null for the configured one
	 * @param changedAt when
	 */
	record RouteView(String route, Mode mode, int percent, @Nullable WritesTo writes, URI legacyUri,
			@Nullable URI serviceUri, @Nullable String changedBy, java.time.@Nullable Instant changedAt) {
	}

	/**
	 * Where a route's writes should go.
	 *
	 * @param to {@code service} (the cut-over) or {@code legacy} (its rollback)
	 */
	record WritesChange(@NotNull WritesTo to) {
	}

	/** A mode change that contradicts itself. */
	static class InvalidModeChange extends RuntimeException {

		InvalidModeChange(String message) {
			super(message);
		}

	}

	/** A route that is not migrating. */
	static class UnknownMigratingRoute extends RuntimeException {

		UnknownMigratingRoute(String message) {
			super(message);
		}

	}

}
