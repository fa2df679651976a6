package dev.shopfront.testsupport.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * Where the committed API documents live and how they are written: {@code docs/api/} at
 * the repository root, one file per service and group ({@code <service>.json} for the
 * public API, {@code internal/<service>.json} for the internal one), and under
 * {@code baseline/} the same files as of the last release, what clients rely on. The JSON
 * is written one way (keys sorted, two-space indent, a final newline) so a change to an
 * API is a small diff in review.
 */
public final class ApiDocuments {

	/**
	 * Set to {@code true} ({@code -Dshopfront.api.update=true}) to rewrite the committed
	 * documents.
	 */
	public static final String UPDATE_PROPERTY = "shopfront.api.update";

	private static final ObjectMapper json = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	private ApiDocuments() {
	}

	/**
	 * The public document's file.
	 * @param service the service, e.g. {@code inventory-service}
	 * @param group {@code public} or {@code internal}
	 * @return its path
	 */
	public static Path committed(String service, String group) {
		return root().resolve(relative(service, group));
	}

	/**
	 * The file that marks breaking changes as intended.
	 * @return its path
	 */
	public static Path acceptedBreakingChanges() {
		return root().resolve("breaking-changes.txt");
	}

	/**
	 * Every committed document.
	 * @return the documents' files
	 */
	public static List<Path> allCommitted() {
		try (var files = Files.walk(root())) {
			return files.filter((file) -> file.toString().endsWith(".json"))
				.filter((file) -> !root().relativize(file).startsWith("baseline"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every baseline document.
	 * @return the files
	 */
	public static List<Path> allBaselines() {
		Path baselines = root().resolve("baseline");
		if (!Files.isDirectory(baselines)) {
			return List.of();
		}
		try (var files = Files.walk(baselines)) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The committed document a baseline is of.
	 * @param baseline the baseline's file
	 * @return the committed document's file, which may not exist
	 */
	public static Path committedOf(Path baseline) {
		return root().resolve(root().resolve("baseline").relativize(baseline));
	}

	/**
	 * The baseline of a committed document.
	 * @param committed the committed document's file
	 * @return the baseline's file, which may not exist
	 */
	public static Path baselineOf(Path committed) {
		return root().resolve("baseline").resolve(root().relativize(committed));
	}

	private static Path relative(String service, String group) {
		return group.equals("public") ? Path.of(service + ".json") : Path.of(group, service + ".json");
	}

	/**
	 * A document as the committed files hold it.
	 * @param document the document, as JSON
	 * @return it with sorted keys, indented, ending in a newline
	 */
	public static String canonical(String document) {
		try {
			JsonNode tree = json.readTree(document);
			return json.writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")))
				.writeValueAsString(sorted(tree)) + "\n";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static JsonNode sorted(JsonNode node) {
		if (node.isObject()) {
			List<String> names = new ArrayList<>();
			node.fieldNames().forEachRemaining(names::add);
			names.sort(null);
			ObjectNode result = json.createObjectNode();
			names.forEach((name) -> result.set(name, sorted(node.get(name))));
			return result;
		}
		if (node.isArray()) {
			var result = json.createArrayNode();
			node.forEach((item) -> result.add(sorted(item)));
			return result;
		}
		return node;
	}

	/**
	 * Reads a file, or answers null when there is none.
	 * @param file the file
	 * @return its text, or null
	 */
	public static @Nullable String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Writes a file, and the directories it needs.
	 * @param file the file
	 * @param text its text
	 */
	public static void write(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * {@code docs/api} at the repository root, found by walking up from the working
	 * directory, so the same call works from any module.
	 */
	private static Path root() {
		Path start = Path.of("").toAbsolutePath();
		for (Path dir = start; dir != null; dir = dir.getParent()) {
			if (Files.isDirectory(dir.resolve("docs")) && Files.exists(dir.resolve("pom.xml"))
					&& Files.isDirectory(dir.resolve("platform"))) {
				return dir.resolve("docs").resolve("api");
			}
		}
		throw new IllegalStateException("No repository root (docs/ and platform/) above " + start);
	}

}
