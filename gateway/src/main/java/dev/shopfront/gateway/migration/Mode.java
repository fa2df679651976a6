package dev.shopfront.gateway.migration;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a migrating route sends its requests; in JSON, the lower-case name.
 */
public enum Mode {

	/** All to the legacy application. */
	@JsonProperty("legacy")
	LEGACY,

	/**
	 * The client gets the legacy answer; a copy goes to the service and the answers are
	 * compared.
	 */
	@JsonProperty("shadow")
	SHADOW,

	/**
	 * A sticky share of the clients goes to the service, the rest to the legacy
	 * application.
	 */
	@JsonProperty("canary")
	CANARY,

	/** All to the service. */
	@JsonProperty("service")
	SERVICE

}
