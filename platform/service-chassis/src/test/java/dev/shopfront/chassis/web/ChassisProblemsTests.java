package dev.shopfront.chassis.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import dev.shopfront.testsupport.JwtMinter;
import dev.shopfront.testsupport.ProblemAssertions;
import dev.shopfront.testsupport.WithTestServers;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Every error a chassis service can produce is a problem with the same members, and never
 * shows internals.
 */
@SpringBootTest(classes = ChassisTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "shopfront.chassis.web.max-body-size=10KB")
@WithTestServers(database = false, broker = false)
class ChassisProblemsTests {

	@LocalServerPort
	int port;

	@Test
	void listsEveryInvalidField() {
		problem(api().body(Map.of("name", "", "quantity", 0)).post("/test/items"), 400, "validation")
			.body("errors.field", containsInAnyOrder("name", "quantity"));
		problem(api().get("/test/page?size=1000"), 400, "validation").body("errors[0].field", equalTo("size"));
		problem(api().get("/test/page"), 400, "validation").body("errors[0].field", equalTo("size"))
			.body("errors[0].message", equalTo("is required"));
	}

	@Test
	void explainsUnreadableBodiesWithoutInternals() {
		problem(api().body("{\"name\": ").post("/test/items"), 400, "malformed-request");
		problem(api().body("{\"name\": \"a\", \"quantity\": \"many\"}").post("/test/items"), 400, "validation")
			.body("errors[0].field", equalTo("quantity"));
		problem(api().get("/test/items/abc"), 400, "validation").body("errors[0].field", equalTo("id"))
			.body("errors[0].message", equalTo("must be a number"));
	}

	@Test
	void answersMappedDomainExceptionsWithTheirProblemsAndMessages() {
		problem(api().get("/test/mapped/missing"), 404, "thing-not-found").body("title", equalTo("Thing not found"))
			.body("detail", equalTo("No thing 7."));
		problem(api().get("/test/mapped/taken"), 409, "thing-taken").body("detail", equalTo("Thing 7 is taken."));
		problem(api().get("/test/mapped/taken-again"), 409, "thing-taken").body("detail",
				equalTo("Thing 7 is taken again."));
		problem(api().get("/test/mapped/taken-twice"), 409, "thing-taken-twice");
		problem(api().get("/test/mapped/other"), 500, "internal-error").body("detail", not(containsString("internal")));
	}

	@Test
	void answersProtocolErrorsWithProblems() {
		problem(api().get("/test/nowhere"), 404, "not-found");
		problem(api().delete("/test/items"), 405, "method-not-allowed");
		problem(api().accept("application/xml").get("/test/items/1"), 406, "not-acceptable");
		problem(api().contentType("text/plain").body("x").post("/test/items"), 415, "unsupported-media-type");
	}

	@Test
	void capsBodiesDeclaredAndChunked() {
		String big = "{\"name\": \"" + "x".repeat(20_000) + "\", \"quantity\": 1}";
		problem(api().body(big).post("/test/items"), 413, "payload-too-large");
		problem(api().body(new ByteArrayInputStream(big.getBytes())).post("/test/items"), 413, "payload-too-large");
		api().body(Map.of("name", "small", "quantity", 1)).post("/test/items").then().statusCode(201);
	}

	@Test
	void hidesUnexpectedErrorsBehindATraceId() {
		String traceId = "0af7651916cd43dd8448eb211c80319c";
		problem(api().header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01").get("/test/boom"), 500,
				"internal-error")
			.body("traceId", equalTo(traceId))
			.body(not(containsString("secret")))
			.body(not(containsString("Exception")))
			.body(not(containsString("java.")));
	}

	@Test
	void refusesMissingAndBadTokensAndWrongRoles() {
		JwtMinter minter = JwtMinter.shared();
		String subject = UUID.randomUUID().toString();
		problem(api().get("/test/admin"), 401, "unauthorized");
		problem(api().auth().oauth2(minter.expired(subject, "ADMIN")).get("/test/admin"), 401, "unauthorized");
		problem(api().auth().oauth2(minter.wronglySigned(subject, "ADMIN")).get("/test/admin"), 401, "unauthorized");
		problem(api().auth().oauth2(minter.algNone(subject, "ADMIN")).get("/test/admin"), 401, "unauthorized");
		problem(api().auth().oauth2(minter.customer(UUID.randomUUID())).get("/test/admin"), 403, "forbidden");
		api().auth().oauth2(minter.admin()).get("/test/admin").then().statusCode(200);
	}

	@Test
	void refusesTokensFromAnotherIssuer() {
		JwtMinter minter = JwtMinter.shared();
		String token = minter.tokenFrom("someone-else", "x", "ADMIN");
		problem(api().auth().oauth2(token).get("/test/admin"), 401, "unauthorized");
	}

	@Test
	void answersRequestsTomcatRefusesWithProblems() {
		problem(api().urlEncodingEnabled(false).get("/test/a%2Fb"), 400, "bad-request");
	}

	@Test
	void refusesWhatTheFirewallRefusesAsBadRequests() {
		// a header value with a C1 control character: Tomcat lets it in, the firewall
		// refuses it when it is read
		assertThat(raw("GET /test/items/1 HTTP/1.1\r\nHost: localhost\r\nX-Note: a\u0085b\r\n"))
			.startsWith("HTTP/1.1 400")
			.contains("application/problem+json")
			.contains(Problems.TYPE_BASE + "bad-request");
		assertThat(raw("GET /test/items/1 HTTP/1.1\r\nHost: localhost\r\ntraceparent: a\u0085b\r\n"))
			.startsWith("HTTP/1.1 400")
			.contains(Problems.TYPE_BASE + "bad-request");
		assertThat(raw("GET /test/items/1 HTTP/1.1\r\nHost: localhost\r\nX-Note: fine\r\n")).startsWith("HTTP/1.1 200");
		problem(api().urlEncodingEnabled(false).get("/test/page?size=%FF"), 400, "bad-request");
		problem(api().get("/test/items/1;jsessionid=x"), 400, "bad-request");
	}

	@Test
	void bindsJsonStrictly() {
		problem(api().body("{\"name\": \"a\", \"quantity\": \"5\"}").post("/test/items"), 400, "validation")
			.body("errors[0].field", equalTo("quantity"));
		problem(api().body("{\"name\": \"a\", \"quantity\": 5.7}").post("/test/items"), 400, "validation")
			.body("errors[0].field", equalTo("quantity"));
		problem(api().body("{\"name\": 12, \"quantity\": 5}").post("/test/items"), 400, "validation")
			.body("errors[0].field", equalTo("name"));
		problem(api().body("{\"name\": \"a\", \"name\": \"b\", \"quantity\": 5}").post("/test/items"), 400,
				"malformed-request");
		problem(api().body("{\"name\": \"a\\u0000b\", \"quantity\": 5}").post("/test/items"), 400, "validation")
			.body("errors[0].field", equalTo("name"))
			.body("errors[0].message", equalTo("must not contain the character U+0000"));
		api().body("{\"name\": \"a\", \"quantity\": 5}").post("/test/items").then().statusCode(201);
	}

	@Test
	void keepsHealthAndMetricsOpen() {
		api().get("/actuator/health/liveness").then().statusCode(200).body("status", equalTo("UP"));
		api().get("/actuator/prometheus").then().statusCode(200);
	}

	/**
	 * Sends a request as the given ISO-8859-1 bytes (HTTP clients clean up header values
	 * that a hostile client would not) and returns the whole response.
	 */
	private String raw(String head) {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private RequestSpecification api() {
		return RestAssured.given().port(this.port).contentType(ContentType.JSON);
	}

	private static ValidatableResponse problem(io.restassured.response.Response response, int status, String type) {
		return ProblemAssertions.assertProblem(response.then(), status, type);
	}

}
