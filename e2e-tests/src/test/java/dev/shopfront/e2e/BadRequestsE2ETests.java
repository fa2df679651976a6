package dev.shopfront.e2e;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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

}
