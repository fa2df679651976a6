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
		return assertProblem(response.statusCode(), response.contentType(), response.asString(),
				response.getStatusLine() + " " + response.getHeaders(), status, slug);
	}

	/**
	 * Asserts that an answer is a problem of the given status and type slug.
	 * @param actualStatus the answer's status
	 * @param contentType its content type
	 * @param body its body
	 * @param head status line and headers, for failure messages
	 * @param status the expected status
	 * @param slug the expected type
	 * @return the problem's body
	 */
	static JsonPath assertProblem(int actualStatus, String contentType, String body, String head, int status,
			String slug) {
		String described = head + "\n" + body;
		assertThat(actualStatus).as("status of %s", described).isEqualTo(status);
		assertThat(contentType).as("content type of %s", described).startsWith("application/problem+json");
		JsonPath problem = JsonPath.from(body);
		assertThat(problem.getInt("status")).as("status member of %s", described).isEqualTo(status);
		assertThat(problem.getString("type")).as("type of %s", described).isEqualTo(TYPE_BASE + slug);
		assertThat(problem.getString("title")).as("title of %s", described).isNotBlank();
		assertThat(problem.getString("traceId")).as("traceId of %s", described).isNotBlank();
		assertThat(body).as("internals in %s", described)
			.doesNotContain("Exception", "\tat ", "java.", "org.springframework");
		return problem;
	}

}
