package dev.shopfront.testsupport;

import java.util.List;
import java.util.UUID;

import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Asserts Shopfront's error answers: RFC 9457 problems with the members every error
 * carries, and no internals.
 */
public final class ProblemAssertions {

	/** The base of every problem {@code type}. */
	public static final String TYPE_BASE = "https://shopfront.dev/problems/";

	private ProblemAssertions() {
	}

	/**
	 * Asserts a problem of the given status and kind.
	 * @param response the response
	 * @param status the expected HTTP status
	 * @param type the expected kind, such as {@code validation}
	 * @return the response, for more checks
	 */
	public static ValidatableResponse assertProblem(ValidatableResponse response, int status, String type) {
		return response.statusCode(status)
			.contentType(matchesPattern("application/problem\\+json.*"))
			.body("status", equalTo(status))
			.body("type", equalTo(TYPE_BASE + type))
			.body("title", notNullValue())
			.body("detail", notNullValue())
			.body("instance", notNullValue())
			.body("traceId", matchesPattern("[0-9a-f]{32}"))
			.body(not(containsString("Exception")))
			.body(not(containsString("\tat ")));
	}

	/**
	 * Asserts a validation problem (400) whose first error names a field.
	 * @param response the response
	 * @param field the field, body member or parameter named first in {@code errors}
	 * @return the response, for more checks
	 */
	public static ValidatableResponse assertInvalid(ValidatableResponse response, String field) {
		return assertProblem(response, 400, "validation").body("errors[0].field", equalTo(field));
	}

	/**
	 * Asserts that a GET is refused, 401 problem, without a token and with each kind of
	 * bad one (expired, signed with another key, unsigned).
	 * @param port the service's port
	 * @param path the path, e.g. {@code /api/payments?orderId=...}
	 */
	public static void assertNeedsAValidToken(int port, String path) {
		String subject = UUID.randomUUID().toString();
		JwtMinter minter = JwtMinter.shared();
		assertProblem(RestAssured.given().port(port).get(path).then(), 401, "unauthorized");
		for (String bad : List.of(minter.expired(subject, "CUSTOMER"), minter.wronglySigned(subject, "CUSTOMER"),
				minter.algNone(subject, "CUSTOMER"))) {
			assertProblem(RestAssured.given().port(port).auth().oauth2(bad).get(path).then(), 401, "unauthorized");
		}
	}

}
