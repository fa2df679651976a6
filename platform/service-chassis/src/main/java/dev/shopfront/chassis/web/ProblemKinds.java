package dev.shopfront.chassis.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The error kind (type slug) and title that go with a bare HTTP status.
 */
final class ProblemKinds {

	private ProblemKinds() {
	}

	static String type(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "bad-request";
			case 401 -> "unauthorized";
			case 403 -> "forbidden";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 409 -> "conflict";
			case 412 -> "precondition-failed";
			case 413 -> "payload-too-large";
			case 415 -> "unsupported-media-type";
			case 422 -> "unprocessable";
			case 429 -> "rate-limited";
			case 502 -> "bad-gateway";
			case 503 -> "service-unavailable";
			case 504 -> "gateway-timeout";
			default -> status.is5xxServerError() ? "internal-error" : "client-error";
		};
	}

	static String title(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase() : "Error";
	}

}
