package dev.shopfront.chassis.web;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tomcat's own refusals become problems of a known kind, and a path too broken to repeat
 * is not repeated.
 */
class ProblemErrorReportValveTests {

	@Test
	void badRequestsAreBadRequestProblems() {
		ProblemDetail problem = ProblemErrorReportValve.problem(HttpStatusCode.valueOf(400), "/api/users/%2F..");

		assertThat(problem.getType()).hasToString("https://shopfront.dev/problems/bad-request");
		assertThat(problem.getTitle()).isEqualTo("Bad Request");
		assertThat(problem.getInstance()).hasToString("/api/users/%2F..");
	}

	@Test
	void serverErrorsSayNothingOfTheInternals() {
		ProblemDetail problem = ProblemErrorReportValve.problem(HttpStatusCode.valueOf(500), "/x");

		assertThat(problem.getType()).hasToString("https://shopfront.dev/problems/internal-error");
		assertThat(problem.getDetail()).contains("traceId");
	}

	@Test
	void brokenPathsAreNotRepeated() {
		assertThat(ProblemErrorReportValve.problem(HttpStatusCode.valueOf(400), "/a b\\c").getInstance())
			.hasToString("/");
	}

}
