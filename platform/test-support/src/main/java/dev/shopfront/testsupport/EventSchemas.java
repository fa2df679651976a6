package dev.shopfront.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks event and command data against the JSON Schemas in {@code docs/events/schemas}
 * ({@code <type>.v<version>.json}, JSON Schema 2020-12), the contract every producer and
 * consumer keeps to. Format assertions are always on, so {@code "format": "uuid"} and
 * {@code "format": "date-time"} are enforced, not just annotations. Each schema is read
 * once and cached. The schema directory is found by walking up from the working directory
 * to the repository root that holds {@code docs/events/schemas}, so the same call works
 * from any module.
 * <p>
 * {@link #assertValid} for data that must keep to its schema, {@link #violations} for
 * tests that prove a schema refuses bad data. Both fail, rather than answer, when the
 * schema does not exist or the data is not JSON, so a test that expects violations cannot
 * pass for the wrong reason.
 */
public final class EventSchemas {

	private static final Path SCHEMAS = Path.of("docs", "events", "schemas");

	private static final SchemaRegistry registry = SchemaRegistry
		.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private static final Map<String, Schema> schemas = new ConcurrentHashMap<>();

	/**
	 * Jackson 2, what the validator works on; strict, so only whole, well-formed JSON.
	 */
	private static final ObjectMapper mapper = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private EventSchemas() {
	}

	/**
	 * Asserts that data keeps to the schema of its type and version.
	 * @param type the event or command type, such as {@code order.confirmed}
	 * @param version the schema version, such as {@code 1}
	 * @param json the data, as JSON
	 */
	public static void assertValid(String type, int version, String json) {
		assertThat(violations(type, version, json)).as("%s against %s: %s", type, file(type, version), json).isEmpty();
	}

	/**
	 * What the schema of a type and version finds wrong with data.
	 * @param type the event or command type, such as {@code order.confirmed}
	 * @param version the schema version, such as {@code 1}
	 * @param json the data, as JSON
	 * @return one message per violation, each naming where in the data it is (such as
	 * {@code /trackingNumber: does not match the regex pattern ^SF[A-Z0-9]{10}$}, or
	 * {@code : required property 'orderId' not found} at the top); empty if the data
	 * keeps to the schema
	 * @throws IllegalArgumentException if {@code json} is not JSON
	 * @throws IllegalStateException if there is no such schema
	 */
	public static List<String> violations(String type, int version, String json) {
		Schema schema = schema(type, version);
		List<Error> errors = schema.validate(parse(json),
				(context) -> context.executionConfig((config) -> config.formatAssertionsEnabled(true)));
		return errors.stream().map(Error::toString).toList();
	}

	private static JsonNode parse(String data) {
		JsonNode node;
		try {
			node = mapper.readTree(data);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Not JSON: " + data, ex);
		}
		if (node == null || node.isMissingNode()) {
			throw new IllegalArgumentException("Not JSON: '" + data + "'");
		}
		return node;
	}

	private static Schema schema(String type, int version) {
		return schemas.computeIfAbsent(file(type, version), (file) -> {
			Path path = directory().resolve(file);
			if (!Files.isRegularFile(path)) {
				throw new IllegalStateException("No schema " + path);
			}
			try (InputStream in = Files.newInputStream(path)) {
				return registry.getSchema(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private static String file(String type, int version) {
		return type + ".v" + version + ".json";
	}

	/**
	 * The schema directory, in the working directory or the nearest of its ancestors that
	 * has one: the repository root, for every module.
	 * @return the directory
	 */
	private static Path directory() {
		Path start = Path.of("").toAbsolutePath();
		for (Path dir = start; dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve(SCHEMAS);
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("No " + SCHEMAS + " in " + start + " or above");
	}

}
