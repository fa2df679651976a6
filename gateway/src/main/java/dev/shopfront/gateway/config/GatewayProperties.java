package dev.shopfront.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the gateway, all under {@code shopfront.gateway}; the routes and public
 * endpoints are in {@code application.yml}, every other default is here.
 *
 * @param routes the services behind the gateway by name, each with its base URL and the
 * public paths it serves
 * @param publicEndpoints the requests that need no token, as {@code METHOD /path-pattern}
 * @param rateLimit request rate limits
 * @param timeouts limits on waiting for a service
 */
@ConfigurationProperties("shopfront.gateway")
public record GatewayProperties(Map<String, Route> routes, List<String> publicEndpoints,
		@DefaultValue RateLimit rateLimit, @DefaultValue Timeouts timeouts) {

	public GatewayProperties {
		routes = (routes != null) ? Map.copyOf(routes) : Map.of();
		publicEndpoints = (publicEndpoints != null) ? List.copyOf(publicEndpoints) : List.of();
	}

	/**
	 * One service behind the gateway.
	 *
	 * @param uri its base URL ({@code scheme://host:port}); the request path is kept
	 * @param paths the path patterns it serves, such as {@code /api/users/**}
	 */
	public record Route(URI uri, List<String> paths) {

		public Route {
			paths = (paths != null) ? List.copyOf(paths) : List.of();
		}

	}

	/**
	 * Request rate limits, as token buckets in Redis shared by every gateway instance;
	 * each instance spends a small share of a limit locally between two synchronizations.
	 *
	 * @param enabled whether requests are limited at all
	 * @param perUser requests one authenticated user (token subject) may send per period
	 * @param perIp requests one client IP may send per period
	 * @param period the period the limits are counted over; each client's allowance is
	 * renewed in full once per period
	 * @param keyPrefix prefix of the Redis keys, so several shops can share one Redis
	 * @param redisRetryInterval how long requests go unlimited after Redis failed to
	 * answer before it is asked again
	 * @param login the limits on logging in
	 * @param localShare the share of a limit an instance may grant from its own copy of a
	 * bucket before it synchronizes with Redis; 0 asks Redis on every request. Other
	 * instances see these grants late, so n instances together may grant up to n times
	 * this share of a limit too much (one instance alone counts exactly)
	 * @param syncInterval the longest an instance goes on granting from its copy of a
	 * bucket before it synchronizes with Redis
	 */
	public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("600") long perUser,
			@DefaultValue("6000") long perIp, @DefaultValue("1m") Duration period,
			@DefaultValue("shopfront:") String keyPrefix, @DefaultValue("5s") Duration redisRetryInterval,
			@DefaultValue Login login, @DefaultValue("0.01") double localShare,
			@DefaultValue("1s") Duration syncInterval) {

		public RateLimit {
			if (!(localShare >= 0 && localShare < 1)) {
				throw new IllegalArgumentException(
						"rate-limit.local-share must be at least 0 and below 1, not " + localShare);
			}
		}

	}

	/**
	 * Limits on logging in, on top of the general ones: password guesses cost
	 * user-service a password hash each.
	 *
	 * @param path the login endpoint
	 * @param perIp logins one client IP may try per period, whatever the e-mail
	 * @param perIpAndEmail logins one client IP may try per period for one e-mail address
	 */
	public record Login(@DefaultValue("/api/auth/token") String path, @DefaultValue("30") long perIp,
			@DefaultValue("10") long perIpAndEmail) {
	}

	/**
	 * Limits on waiting for a service: past them the client gets a 504 problem.
	 *
	 * @param connect to open a connection
	 * @param read for the response to begin
	 */
	public record Timeouts(@DefaultValue("2s") Duration connect, @DefaultValue("10s") Duration read) {
	}

}
