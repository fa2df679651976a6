package dev.shopfront.chassis.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problems with a stable {@code type} per error kind.
 */
public final class Problems {

	/**
	 * Base of every problem type URI; {@link ProblemWriter} and the advice keep to it.
	 */
	public static final String TYPE_BASE = "https://shopfront.dev/problems/";

	private Problems() {
	}

	/**
	 * A problem of the given kind.
	 * @param status the HTTP status
	 * @param type the error kind, a slug such as {@code not-found}
	 * @param title a short, stable summary of the kind
	 * @param detail what went wrong this time, for a person
	 * @return the problem
	 */
	public static ProblemDetail problem(HttpStatusCode status, String type, String title, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(type));
		problem.setTitle(title);
		return problem;
	}

	/**
	 * The 400 {@code validation} problem, with one entry per invalid field in
	 * {@code errors}, as every service answers a request it cannot accept.
	 * @param detail what is wrong, for a person
	 * @param errors the invalid fields, each made by {@link #fieldError}
	 * @return the problem
	 */
	public static ProblemDetail validation(@Nullable String detail, List<Map<String, String>> errors) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail);
		problem.setProperty("errors", errors);
		return problem;
	}

	/**
	 * One entry of a {@link #validation} problem's {@code errors}.
	 * @param field the field as the request names it
	 * @param message what is wrong with it; {@code invalid} when not known
	 * @return the entry
	 */
	public static Map<String, String> fieldError(String field, @Nullable String message) {
		return Map.of("field", field, "message", (message != null) ? message : "invalid");
	}

	/**
	 * The problem for a bare HTTP status, with the kind and title that go with it
	 * ({@code 404} is {@code not-found}, ...).
	 * @param status the HTTP status
	 * @param detail what went wrong, for a person
	 * @return the problem
	 */
	public static ProblemDetail forStatus(HttpStatusCode status, @Nullable String detail) {
		return problem(status, ProblemKinds.type(status), ProblemKinds.title(status), detail);
	}

	/**
	 * The answer to a request body over the cap.
	 * @return a 413 problem
	 */
	public static ProblemDetail payloadTooLarge() {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
				"The request body is larger than this service accepts.");
	}

	/**
	 * The answer when the infrastructure fails for a while (the database or the broker
	 * cannot be used): the client may retry after {@code Retry-After}.
	 * @return a 503 problem
	 */
	public static ProblemDetail unavailable() {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
				"The service cannot use a resource it depends on right now; try again in a few seconds.");
	}

	/**
	 * The value of a {@code Retry-After} header: whole seconds, at least one.
	 * @param wait how long to wait
	 * @return the header value
	 */
	public static String retryAfterSeconds(Duration wait) {
		long seconds = wait.toSeconds() + ((wait.toMillisPart() > 0) ? 1 : 0);
		return Long.toString(Math.max(1, seconds));
	}

	/**
	 * A failure in one line for a log, without its stack: the outermost and the root
	 * cause's type and message.
	 * @param failure what was thrown
	 * @return the description
	 */
	public static String describe(Throwable failure) {
		Throwable root = failure;
		for (int i = 0; i < 32 && root.getCause() != null && root.getCause() != root; i++) {
			root = root.getCause();
		}
		return (root == failure) ? failure.toString() : failure.getClass().getName() + " caused by " + root;
	}

	/**
	 * The type URI of an error kind.
	 * @param type the error kind, a slug such as {@code not-found}
	 * @return the URI
	 */
	public static URI type(String type) {
		return URI.create(TYPE_BASE + type);
	}

}
