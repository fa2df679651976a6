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

import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.output.ConsoleRender;

/**
 * Which changes from one API document to the next would break a client written against
 * the first, as openapi-diff judges them: an operation removed, a response member
 * removed, a request member or parameter newly required, a type narrowed. Each is one
 * line naming the operation, the form {@code docs/api/breaking-changes.txt} marks it in.
 */
public final class BreakingChanges {

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
		ChangedOpenApi diff = OpenApiCompare.fromContents(before, after);
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
			new ConsoleRender().render(OpenApiCompare.fromContents(before, after), writer);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString(StandardCharsets.UTF_8);
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
