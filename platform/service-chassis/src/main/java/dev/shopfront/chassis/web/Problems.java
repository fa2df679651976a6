package dev.shopfront.chassis.web;

import java.net.URI;

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
	 * The type URI of an error kind.
	 * @param type the error kind, a slug such as {@code not-found}
	 * @return the URI
	 */
	public static URI type(String type) {
		return URI.create(TYPE_BASE + type);
	}

}
