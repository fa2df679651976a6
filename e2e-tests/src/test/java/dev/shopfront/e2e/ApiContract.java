package dev.shopfront.e2e;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Checks every response the suite gets from the gateway against the OpenAPI document of
 * the service that answered (openapi-request-validator): status, media type, headers and
 * body, with the documents' problem types. A field that drifts from the contract, a
 * status or problem type nobody documented, or a null where none may be fails the test
 * that got it. The documents come from the deployment under test
 * ({@code /api-docs/<service>.json}, listed by the API page), so the check works against
 * any deployment.
 * <p>
 * Responses to paths no document has (the API page itself, a path made up to test a 404,
 * the gateway's probes) and to methods a path does not have are not checked: there is no
 * contract to hold them to.
 */
final class ApiContract implements Filter {

	/** A path this document does not have, or a method its path does not have. */
	private static final java.util.Set<String> NOT_IN_THIS_DOCUMENT = java.util.Set
		.of("validation.request.path.missing", "validation.request.operation.notAllowed");

	private final URI gateway;

	private final Map<String, OpenApiInteractionValidator> services;

	ApiContract(URI gateway, Map<String, String> documents) {
		this.gateway = gateway;
		this.services = documents.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey,
					(entry) -> OpenApiInteractionValidator.createForInlineApiSpecification(entry.getValue()).build()));
	}

	/**
	 * The contract of a deployment: the documents its API page lists.
	 * @param gateway the deployment's gateway
	 * @return the contract
	 */
	static ApiContract of(URI gateway) {
		Response config = RestAssured.given()
			.baseUri(gateway.toString())
			.filters(List.of())
			.get("/v3/api-docs/swagger-config");
		if (config.statusCode() != 200) {
			throw new IllegalStateException("The API page's list of documents at " + gateway
					+ "/v3/api-docs/swagger-config answered " + config.statusCode() + ": " + config.asString());
		}
		Map<String, String> documents = new java.util.TreeMap<>();
		for (Map<String, String> url : config.jsonPath().<Map<String, String>>getList("urls")) {
			Response document = RestAssured.given().baseUri(gateway.toString()).get(url.get("url"));
			if (document.statusCode() != 200) {
				throw new IllegalStateException(
						"The API document " + url.get("url") + " answered " + document.statusCode());
			}
			documents.put(url.get("name"), document.asString());
		}
		System.out.println("Every response is checked against the API documents of " + gateway + "/api-docs: "
				+ String.join(", ", documents.keySet()));
		return new ApiContract(gateway, documents);
	}

	@Override
	public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
			FilterContext context) {
		Response answer = context.next(request, response);
		URI uri = URI.create(request.getURI());
		if (!sameOrigin(uri)) {
			return answer;
		}
		List<String> violations = violations(uri.getRawPath(), request.getMethod(), answer.statusCode(),
				answer.contentType(), answer.asString(),
				answer.headers()
					.asList()
					.stream()
					.collect(Collectors.groupingBy(io.restassured.http.Header::getName,
							Collectors.mapping(io.restassured.http.Header::getValue, Collectors.toList()))));
		if (!violations.isEmpty()) {
			throw new AssertionError("The answer to " + request.getMethod() + " " + uri.getRawPath() + " breaks the "
					+ "API contract:\n  " + String.join("\n  ", violations) + "\nstatus " + answer.statusCode()
					+ ", body: " + answer.asString());
		}
		return answer;
	}

	/**
	 * What is wrong with an answer, as the document of the service whose path it is sees
	 * it.
	 * @return one line per violation; empty when it keeps to the contract or no document
	 * has the path
	 */
	List<String> violations(String path, String method, int status, String contentType, String body,
			Map<String, List<String>> headers) {
		SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
		if (contentType != null && !contentType.isEmpty()) {
			response.withContentType(contentType);
		}
		if (!body.isEmpty()) {
			response.withBody(body);
		}
		headers.forEach(response::withHeader);
		SimpleResponse built = response.build();
		Request.Method verb = Request.Method.valueOf(method.toUpperCase(java.util.Locale.ROOT));
		for (Map.Entry<String, OpenApiInteractionValidator> service : this.services.entrySet()) {
			ValidationReport report = service.getValue().validateResponse(path, verb, built);
			if (report.getMessages().stream().anyMatch((message) -> NOT_IN_THIS_DOCUMENT.contains(message.getKey()))) {
				continue;
			}
			return report.getMessages()
				.stream()
				.filter((message) -> message.getLevel() == ValidationReport.Level.ERROR)
				.map((message) -> service.getKey() + ": " + message.getKey() + ": "
						+ message.getMessage().replace('\n', ' '))
				.toList();
		}
		return List.of();
	}

	private boolean sameOrigin(URI uri) {
		return Optional.ofNullable(uri.getHost()).orElse("").equalsIgnoreCase(this.gateway.getHost())
				&& port(uri) == port(this.gateway);
	}

	private static int port(URI uri) {
		return (uri.getPort() != -1) ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
	}

}
