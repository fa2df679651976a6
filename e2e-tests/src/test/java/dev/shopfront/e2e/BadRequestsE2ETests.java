package dev.shopfront.e2e;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input gets a 4xx problem, never a 500.
 */
@ExtendWith(ShopDeployment.class)
class BadRequestsE2ETests {

	private static final int ONE_MIB = 1024 * 1024;

	@Test
	void malformedJsonIsABadRequest() {
		Problems.assertProblem(
				Api.given().contentType(ContentType.JSON).body("{\"email\": \"a@b.example\", ").post("/api/users"), 400,
				"malformed-request");
	}

	@Test
	void aBodyOverOneMebibyteIsTooLarge() {
		String body = "{\"email\":\"" + Api.uniqueEmail("large") + "\",\"password\":\"" + Api.password()
				+ "\",\"fullName\":\"" + "x".repeat(ONE_MIB) + "\"}";

		Problems.assertProblem(Api.given().contentType(ContentType.JSON).body(body).post("/api/users"), 413,
				"payload-too-large");
	}

	@Test
	void aChunkedBodyOverOneMebibyteIsTooLarge(Deployment deployment) throws Exception {
		byte[] body = ("{\"email\":\"" + Api.uniqueEmail("chunked") + "\",\"password\":\"" + Api.password()
				+ "\",\"fullName\":\"" + "x".repeat(ONE_MIB) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		// No Content-Length: the body is sent chunked, so only counting it can catch it.
		HttpRequest request = HttpRequest.newBuilder(deployment.baseUrl().resolve("/api/users"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();
		try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			Problems.assertProblem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body(), response.statusCode() + " " + response.headers().map(), 413, "payload-too-large");
		}
	}

	@Test
	void inputThatUsedToBeA500IsABadRequest(Deployment deployment) throws Exception {
		for (String name : List.of("Ada\nVisit http://evil.example", "A\u0000B")) {
			Problems.assertProblem(Api.given()
				.contentType(ContentType.JSON)
				.body(Map.of("email", Api.uniqueEmail("name"), "password", Api.password(), "fullName", name))
				.post("/api/users"), 400, "validation");
		}
		// longer than bcrypt reads, within the 128 characters allowed
		Problems.assertProblem(Api.given()
			.contentType(ContentType.JSON)
			.body(Map.of("email", Api.uniqueEmail("long"), "password", "pässwörd-".repeat(8) + "x", "fullName", "A"))
			.post("/api/users"), 400, "validation");
		Problems.assertProblem(Api.given()
			.contentType(ContentType.JSON)
			.body("{\"email\": \"a@b.example\", \"email\": \"c@d.example\", \"password\": \"x\"}")
			.post("/api/auth/token"), 400, "malformed-request");
		Problems.assertProblem(Api.given().urlEncodingEnabled(false).get("/api/products?q=%FF"), 400, "bad-request");
		// a header with a control character the firewall refuses (HTTP clients clean such
		// values up, so the request is written by hand)
		try (java.net.Socket socket = new java.net.Socket(deployment.baseUrl().getHost(),
				deployment.baseUrl().getPort())) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write(("GET /api/products HTTP/1.1\r\nHost: " + deployment.baseUrl().getHost()
						+ "\r\nX-Note: a\u0085b\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
			assertThat(response).startsWith("HTTP/1.1 400").contains("problem+json");
		}
	}

}
