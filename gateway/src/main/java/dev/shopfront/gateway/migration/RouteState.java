package dev.shopfront.gateway.migration;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A migrating route's mode as it stands, and who set it.
 *
 * @param mode the mode
 * @param percent for {@link Mode#CANARY}, the share of clients sent to the service (0 to
 * 100); 0 in legacy and shadow mode, 100 in service mode
 * @param writes for a route that moves its data, where its writes go whatever the mode;
 * null for a route whose writes follow the mode
 * @param changedBy who set it, or null for the configured initial mode
 * @param changedAt when, or null
 */
public record RouteState(Mode mode, int percent, @Nullable WritesTo writes, @Nullable String changedBy,
		@Nullable Instant changedAt) {

	static RouteState initial(Mode mode, boolean movesData) {
		WritesTo writes = null;
		if (movesData) {
			// a route that starts on the service has its data there already
			writes = (mode == Mode.SERVICE) ? WritesTo.SERVICE : WritesTo.LEGACY;
		}
		return new RouteState(mode, (mode == Mode.SERVICE) ? 100 : 0, writes, null, null);
	}

	/**
	 * Whether a request goes to the service.
	 * @param write whether it writes (POST, PUT, PATCH, DELETE)
	 * @param bucket the client's bucket, 0 to 9999
	 * @return true for the service, false for the legacy application
	 */
	boolean toService(boolean write, int bucket) {
		if (write && this.writes != null) {
			return this.writes == WritesTo.SERVICE;
		}
		return toService(bucket);
	}

	/**
	 * Whether a client in a bucket goes to the service.
	 * @param bucket the client's bucket, 0 to 9999
	 * @return true for the service, false for the legacy application
	 */
	boolean toService(int bucket) {
		return switch (this.mode) {
			case LEGACY, SHADOW -> false;
			case SERVICE -> true;
			case CANARY -> bucket < this.percent * 100;
		};
	}

}
