package dev.shopfront.chassis.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.shopfront.chassis.web.Problems;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import org.springframework.http.HttpStatus;

/**
 * Writes problem answers into an operation: one response per status, whose
 * {@code application/problem+json} schema is the shared {@code Problem} with its
 * {@code type} limited to the types listed for that status, one example per type, and a
 * description that says when each happens.
 */
final class ProblemAnswers {

	static final String PROBLEM_JSON = "application/problem+json";

	static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

	/** What the examples show as the request's trace. */
	private static final String EXAMPLE_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private ProblemAnswers() {
	}

	/**
	 * Adds a problem to an operation's answers, unless its type is there for that status.
	 * @param operation the operation
	 * @param path the operation's path, the example's {@code instance}
	 * @param status the status
	 * @param type the type's slug
	 * @param title the title, or empty for the reason phrase
	 * @param when when it happens
	 */
	static void add(Operation operation, String path, int status, String type, String title, String when) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		String code = Integer.toString(status);
		ApiResponse response = operation.getResponses().get(code);
		if (response == null || response.getContent() == null || response.getContent().get(PROBLEM_JSON) == null) {
			response = new ApiResponse().content(new Content().addMediaType(PROBLEM_JSON,
					new MediaType().schema(problemOfTypes(new ArrayList<>())).examples(new LinkedHashMap<>())));
			operation.getResponses().addApiResponse(code, response);
		}
		MediaType media = Objects.requireNonNull(response.getContent().get(PROBLEM_JSON));
		Map<String, Example> examples = media.getExamples();
		if (examples.containsKey(type)) {
			return;
		}
		String shownTitle = title.isEmpty() ? reason(status) : title;
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("type", Problems.TYPE_BASE + type);
		example.put("title", shownTitle);
		example.put("status", status);
		example.put("detail", capitalised(when) + ".");
		example.put("instance", path);
		example.put("traceId", EXAMPLE_TRACE_ID);
		examples.put(type, new Example().summary(shownTitle).value(example));
		typesOf(media.getSchema()).add(Problems.TYPE_BASE + type);
		String line = "`" + type + "`: " + when;
		response.setDescription((response.getDescription() == null) ? line : response.getDescription() + "\n\n" + line);
		if (status == 429 || status == 503) {
			response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again")
				.schema(new Schema<Integer>(SpecVersion.V31).typesItem("integer")));
		}
	}

	private static Schema<Object> problemOfTypes(List<Object> types) {
		Schema<Object> type = new Schema<>(SpecVersion.V31).typesItem("string");
		type.setEnum(types);
		Schema<Object> limited = new Schema<>(SpecVersion.V31).addProperty("type", type);
		limited.setAdditionalProperties(true);
		return new Schema<>(SpecVersion.V31).addAllOfItem(new Schema<>(SpecVersion.V31).$ref(PROBLEM_SCHEMA))
			.addAllOfItem(limited);
	}

	@SuppressWarnings("unchecked")
	private static List<Object> typesOf(Schema<?> schema) {
		Schema<Object> type = (Schema<Object>) schema.getAllOf().get(1).getProperties().get("type");
		return Objects.requireNonNull(type).getEnum();
	}

	private static String reason(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return (known != null) ? known.getReasonPhrase() : "Error";
	}

	private static String capitalised(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
