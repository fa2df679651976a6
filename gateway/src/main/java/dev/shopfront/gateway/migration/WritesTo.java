package dev.shopfront.gateway.migration;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a route that moves its data (it names a reconciliation) sends its writes (POST,
 * PUT, PATCH, DELETE), whatever its mode: the legacy application until an ADMIN cuts the
 * writes over, which the gateway allows only while the reconciliation reports no
 * difference. In JSON, the lower-case name.
 */
public enum WritesTo {

	/** Writes go to the legacy application, whose database is copied to the service. */
	@JsonProperty("legacy")
	LEGACY,

	/** Writes go to the service: the legacy application's copy is no longer written. */
	@JsonProperty("service")
	SERVICE

}
