package dev.shopfront.order;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps what order-service publishes to the schemas in {@code docs/events/schemas}.
 */
public final class EventSchemas {

	private EventSchemas() {
	}

	public static void assertValid(String type, String body) {
		Schema schema;
		try (InputStream in = Files.newInputStream(Path.of("..", "docs", "events", "schemas", type + ".v1.json"))) {
			schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
			assertThat(schema.validate(new ObjectMapper().readTree(body),
					(context) -> context.executionConfig((config) -> config.formatAssertionsEnabled(true))))
				.as("%s: %s", type, body)
				.isEmpty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
