package dev.shopfront.gateway.migration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The mode of every migrating route, kept in Redis so every gateway instance routes
 * alike, and each change audited there (who, when, from what to what). An instance reads
 * a route's mode at most once per {@code refresh}, so routing costs no Redis round trip
 * per request; while Redis does not answer it keeps the mode it read last.
 */
public class MigrationModes {

	private static final Logger log = LoggerFactory.getLogger(MigrationModes.class);

	/** Audit entries kept. */
	static final int AUDIT_KEPT = 1000;

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final MigrationProperties properties;

	private final String keyPrefix;

	private final Clock clock;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	/**
	 * The migrating routes, in name order (asked on every request by the shadow filter).
	 */
	private final java.util.SortedSet<String> routes;

	MigrationModes(StringRedisTemplate redis, JsonMapper json, MigrationProperties properties, String keyPrefix,
			Clock clock) {
		this.redis = redis;
		this.json = json;
		this.properties = properties;
		this.keyPrefix = keyPrefix + "migration:";
		this.clock = clock;
		this.routes = java.util.Collections
			.unmodifiableSortedSet(new java.util.TreeSet<>(properties.routes().keySet()));
	}

	/**
	 * Whether a route is migrating.
	 * @param route the route
	 * @return true if it has a legacy application
	 */
	boolean migrating(String route) {
		return this.properties.routes().containsKey(route);
	}

	/**
	 * A migrating route's legacy application.
	 * @param route the route
	 * @return its base URL
	 */
	java.net.URI legacyUri(String route) {
		return java.util.Objects.requireNonNull(this.properties.routes().get(route), route).legacyUri();
	}

	/**
	 * The migrating routes.
	 * @return their names
	 */
	java.util.Set<String> routes() {
		return this.routes;
	}

	/**
	 * A route's mode, as this instance last read it.
	 * @param route a migrating route
	 * @return its state
	 */
	RouteState current(String route) {
		Instant now = this.clock.instant();
		Cached cached = this.cache.get(route);
		if (cached != null && now.isBefore(cached.readAt().plus(this.properties.refresh()))) {
			return cached.state();
		}
		RouteState state;
		try {
			String stored = this.redis.opsForValue().get(routeKey(route));
			state = (stored != null) ? this.json.readValue(stored, RouteState.class) : initial(route);
		}
		catch (DataAccessException ex) {
			state = (cached != null) ? cached.state() : initial(route);
			log.warn("Redis did not answer for the migration mode of {}; keeping {}", route, state.mode());
		}
		this.cache.put(route, new Cached(state, now));
		return state;
	}

	/**
	 * Sets a route's mode and audits the change.
	 * @param route a migrating route
	 * @param mode the new mode
	 * @param percent for canary mode, the share of clients for the service
	 * @param who who changes it
	 * @return the new state
	 */
	RouteState change(String route, Mode mode, int percent, String who) {
		RouteState before = read(route);
		RouteState after = new RouteState(mode, switch (mode) {
			case LEGACY, SHADOW -> 0;
			case CANARY -> percent;
			case SERVICE -> 100;
		}, before.writes(), who, this.clock.instant());
		return store(route, after, new Change(route, describe(before), describe(after), who, after.changedAt()));
	}

	/**
	 * Sends a route's writes to a side, and audits the change. The caller checked that
	 * the route moves its data and that the cut-over is allowed.
	 * @param route a migrating route that moves its data
	 * @param writes where its writes go now
	 * @param who who changes it
	 * @return the new state
	 */
	RouteState changeWrites(String route, WritesTo writes, String who) {
		RouteState before = read(route);
		RouteState after = new RouteState(before.mode(), before.percent(), writes, who, this.clock.instant());
		return store(route, after,
				new Change(route, "writes " + name(before.writes()), "writes " + name(writes), who, after.changedAt()));
	}

	/**
	 * Whether a route moves its data (names a reconciliation).
	 * @param route a migrating route
	 * @return true if its writes are cut over separately
	 */
	boolean movesData(String route) {
		MigrationProperties.MigratingRoute configured = this.properties.routes().get(route);
		return configured != null && configured.syncUri() != null;
	}

	/**
	 * The reconciliation report of a route that moves its data.
	 * @param route the route
	 * @return its address, or null
	 */
	java.net.@Nullable URI reconciliationUri(String route) {
		MigrationProperties.MigratingRoute configured = this.properties.routes().get(route);
		java.net.URI sync = (configured != null) ? configured.syncUri() : null;
		return (sync != null) ? java.net.URI.create(sync.toString().replaceAll("/+$", "") + "/admin/reconciliation")
				: null;
	}

	private RouteState store(String route, RouteState after, Change change) {
		String who = change.by();
		this.redis.opsForValue().set(routeKey(route), this.json.writeValueAsString(after));
		this.redis.opsForList().leftPush(this.keyPrefix + "audit", this.json.writeValueAsString(change));
		this.redis.opsForList().trim(this.keyPrefix + "audit", 0, AUDIT_KEPT - 1);
		this.cache.put(route, new Cached(after, this.clock.instant()));
		log.info("Migration of {}: {} -> {} by {}", route, change.from(), change.to(), who);
		return after;
	}

	/**
	 * The audited changes, newest first.
	 * @param limit how many at most
	 * @return the changes
	 */
	List<Change> audit(int limit) {
		List<String> entries = this.redis.opsForList().range(this.keyPrefix + "audit", 0, limit - 1);
		return (entries != null) ? entries.stream().map((entry) -> this.json.readValue(entry, Change.class)).toList()
				: List.of();
	}

	/**
	 * A route's mode as Redis holds it now, not cached.
	 */
	RouteState read(String route) {
		String stored = this.redis.opsForValue().get(routeKey(route));
		return (stored != null) ? this.json.readValue(stored, RouteState.class) : initial(route);
	}

	private RouteState initial(String route) {
		MigrationProperties.MigratingRoute configured = this.properties.routes().get(route);
		return RouteState.initial((configured != null) ? configured.initialMode() : Mode.SERVICE,
				configured != null && configured.syncUri() != null);
	}

	private String routeKey(String route) {
		return this.keyPrefix + "route:" + route;
	}

	private static String name(@Nullable WritesTo writes) {
		return (writes != null) ? writes.name().toLowerCase(java.util.Locale.ROOT) : "as reads";
	}

	private static String describe(RouteState state) {
		return (state.mode() == Mode.CANARY) ? "canary " + state.percent() + "%"
				: state.mode().name().toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * One audited change.
	 *
	 * @param route the route
	 * @param from the mode before, such as {@code canary 5%}
	 * @param to the mode after
	 * @param by who changed it (the token's subject)
	 * @param at when
	 */
	public record Change(String route, String from, String to, String by, @Nullable Instant at) {
	}

	private record Cached(RouteState state, Instant readAt) {
	}

}
