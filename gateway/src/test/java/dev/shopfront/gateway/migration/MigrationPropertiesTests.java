package dev.shopfront.gateway.migration;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route migrates only while it names a legacy application; one that moves its data
 * starts with its writes where its mode starts.
 */
class MigrationPropertiesTests {

	private static MigrationProperties.MigratingRoute route(String legacy, Mode initial, String sync) {
		return new MigrationProperties.MigratingRoute(URI.create(legacy), initial, List.of(), false, URI.create(sync));
	}

	@Test
	void aRouteWithAnEmptyLegacyAddressIsNotMigrating() {
		MigrationProperties properties = new MigrationProperties(Map.of("inventory-service", route("", Mode.LEGACY, ""),
				"order-service", route("http://localhost:8087", Mode.LEGACY, "")), 200, 2, 20, Duration.ofSeconds(1));
		assertThat(properties.routes()).containsOnlyKeys("order-service");
		assertThat(properties.routes().get("order-service").syncUri()).isNull();
	}

	@Test
	void writesStartWhereTheModeStartsForARouteThatMovesItsData() {
		assertThat(RouteState.initial(Mode.LEGACY, true).writes()).isEqualTo(WritesTo.LEGACY);
		assertThat(RouteState.initial(Mode.SERVICE, true).writes()).isEqualTo(WritesTo.SERVICE);
		assertThat(RouteState.initial(Mode.LEGACY, false).writes()).isNull();
		RouteState legacyWrites = new RouteState(Mode.SERVICE, 100, WritesTo.LEGACY, null, null);
		assertThat(legacyWrites.toService(true, 0)).isFalse();
		assertThat(legacyWrites.toService(false, 0)).isTrue();
		assertThat(new RouteState(Mode.LEGACY, 0, null, null, null).toService(true, 0)).isFalse();
	}

}
