package dev.shopfront.migrationsync.capture;

import java.util.Optional;

import dev.shopfront.migrationsync.capture.events.LegacyProductChangedV1;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Debezium change event of the {@code products} table (JSON without schemas:
 * {@code before}, {@code after}, {@code source}, {@code op}) into the integration event.
 * The event carries the row as it is after the change, so applying the latest one is
 * enough; nothing of Debezium's shape leaks to the consumer.
 */
final class ProductChanges {

	private final JsonMapper json;

	ProductChanges(JsonMapper json) {
		this.json = json;
	}

	/**
	 * The event of one change.
	 * @param value the Debezium event's value, null for a tombstone
	 * @return the event, or empty for what is not a row change (tombstones, messages)
	 */
	Optional<LegacyProductChangedV1> read(@Nullable String value) {
		if (value == null) {
			return Optional.empty();
		}
		JsonNode change = this.json.readTree(value);
		String op = change.path("op").asString("");
		long position = change.path("source").path("lsn").asLong(0);
		if (op.equals("d")) {
			JsonNode before = change.path("before");
			return Optional.of(new LegacyProductChangedV1(before.path("sku").asString(), null, null, null, null, null,
					null, true, position));
		}
		if (!(op.equals("c") || op.equals("u") || op.equals("r"))) {
			return Optional.empty();
		}
		JsonNode after = change.path("after");
		return Optional.of(new LegacyProductChangedV1(after.path("sku").asString(), after.path("name").asString(),
				after.path("description").asString(), text(after.path("category")), after.path("price").asString(),
				after.path("currency").asString(), after.path("stock").asInt(), false, position));
	}

	private static @Nullable String text(JsonNode node) {
		return (node.isNull() || node.isMissingNode()) ? null : node.asString();
	}

}
