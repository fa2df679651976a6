package dev.shopfront.testsupport.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.output.ConsoleRender;

/**
 * Which changes from one API document to the next would break a client written against
 * the first, as openapi-diff judges them (on the documents in their 3.0 form,
 * {@link #asOpenApi30}): an operation removed, a response member removed, a request
 * member or parameter newly required, a type narrowed. Each is one line naming the
 * operation, the form {@code docs/api/breaking-changes.txt} marks it in.
 */
public final class BreakingChanges {

	private static final ObjectMapper json = new ObjectMapper();

	private BreakingChanges() {
	}

	/**
	 * The breaking changes, one line each.
	 * @param api names the API in each line, e.g. {@code inventory-service public}
	 * @param before the document clients rely on
	 * @param after the document now
	 * @return lines such as {@code inventory-service public: GET /api/products/{sku}
	 * removed} or
	 * {@code inventory-service public: POST /api/products changed incompatibly: ...}
	 */
	public static List<String> between(String api, String before, String after) {
		ChangedOpenApi diff = OpenApiCompare.fromContents(asOpenApi30(before), asOpenApi30(after));
		List<String> changes = new ArrayList<>();
		for (Endpoint removed : diff.getMissingEndpoints()) {
			changes.add(api + ": " + removed.getMethod() + " " + removed.getPathUrl() + " removed");
		}
		for (ChangedOperation changed : diff.getChangedOperations()) {
			if (changed.isIncompatible()) {
				changes
					.add(api + ": " + changed.getHttpMethod() + " " + changed.getPathUrl() + " changed incompatibly");
			}
		}
		if (changes.isEmpty() && diff.isIncompatible()) {
			changes.add(api + ": changed incompatibly outside its operations");
		}
		return changes;
	}

	/**
	 * What openapi-diff says about two documents, for a person reading a failure.
	 * @param before the first
	 * @param after the second
	 * @return the report, in plain text
	 */
	public static String report(String before, String after) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
			new ConsoleRender().render(OpenApiCompare.fromContents(asOpenApi30(before), asOpenApi30(after)), writer);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	/**
	 * A document in the OpenAPI 3.0 form openapi-diff compares fully. Read as 3.1, the
	 * parser gives array schemas a type it does not look into, and a member removed from
	 * the items of a list would pass unseen. The documents use one 3.1 feature 3.0 lacks,
	 * type lists: {@code ["string", "null"]} becomes {@code nullable}, a
	 * {@code $ref}-or-null {@code anyOf} becomes a nullable {@code allOf}, and a list of
	 * several types (a decimal as a string or a number) is left open.
	 * @param document an OpenAPI 3.1 document
	 * @return the same in OpenAPI 3.0.3
	 */
	static String asOpenApi30(String document) {
		try {
			ObjectNode tree = (ObjectNode) json.readTree(document);
			tree.put("openapi", "3.0.3");
			downgrade(tree);
			return json.writeValueAsString(tree);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void downgrade(JsonNode node) {
		if (node instanceof ObjectNode object) {
			if (object.get("type") instanceof ArrayNode types) {
				List<String> kinds = new ArrayList<>();
				types.forEach((type) -> kinds.add(type.asText()));
				if (kinds.remove("null")) {
					object.put("nullable", true);
				}
				if (kinds.size() == 1) {
					object.put("type", kinds.get(0));
				}
				else {
					object.remove("type");
				}
			}
			if (object.get("anyOf") instanceof ArrayNode anyOf && anyOf.size() == 2
					&& "null".equals(anyOf.get(1).path("type").asText()) && anyOf.get(0).has("$ref")) {
				object.set("allOf", json.createArrayNode().add(anyOf.get(0)));
				object.remove("anyOf");
				object.put("nullable", true);
			}
			object.forEach(BreakingChanges::downgrade);
		}
		else if (node instanceof ArrayNode array) {
			array.forEach(BreakingChanges::downgrade);
		}
	}

	/**
	 * The changes marked as intended: the lines of {@code docs/api/breaking-changes.txt}
	 * that are not blank and do not start with {@code #}.
	 * @return the marked lines
	 */
	public static Set<String> accepted() {
		String text = ApiDocuments.read(ApiDocuments.acceptedBreakingChanges());
		if (text == null) {
			return Set.of();
		}
		return text.lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.collect(Collectors.toUnmodifiableSet());
	}

}
