package dev.shopfront.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error answer is an RFC 9457 problem: {@code application/problem+json} with
 * {@code type}, {@code title}, {@code status} and {@code traceId}, and never internals.
 */
final class Problems {

	static final String TYPE_BASE = "https://shopfront.dev/problems/";

	private Problems() {
	}

	/**
	 * Asserts that the response is a problem of the given status and type slug.
	 * @param response the response
	 * @param status the expected status
	 * @param slug the expected type, e.g. {@code unauthorized} (see docs/errors.md)
	 * @return the problem's body
	 */
	static JsonPath assertProblem(Response response, int status, String slug) {
		String described = response.getStatusLine() + " " + response.getHeaders() + "\n" + response.asString();
		assertThat(response.statusCode()).as("status of %s", described).isEqualTo(status);
		assertThat(response.contentType()).as("content type of %s", described).startsWith("application/problem+json");
		JsonPath problem = response.jsonPath();
		assertThat(problem.getInt("status")).as("status member of %s", described).isEqualTo(status);
		assertThat(problem.getString("type")).as("type of %s", described).isEqualTo(TYPE_BASE + slug);
		assertThat(problem.getString("title")).as("title of %s", described).isNotBlank();
		assertThat(problem.getString("traceId")).as("traceId of %s", described).isNotBlank();
		assertThat(response.asString()).as("internals in %s", described)
			.doesNotContain("Exception", "\tat ", "java.", "org.springframework");
		return problem;
	}

}
