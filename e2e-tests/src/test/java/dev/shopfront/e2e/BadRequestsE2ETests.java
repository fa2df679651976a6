package dev.shopfront.e2e;

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

}
