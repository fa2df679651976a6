package dev.shopfront.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API page at the gateway shows every service's public API: every public endpoint of
 * the design, each with the problems it can answer with, and no internal path.
 */
@ExtendWith(ShopDeployment.class)
class ApiPageE2ETests {

	/** The public API as the design lists it. */
	private static final List<String> PUBLIC_API = List.of("POST /api/users", "POST /api/users/verify-email",
			"POST /api/users/me/verification-email", "GET /api/users/me", "PATCH /api/users/me",
			"POST /api/users/me/password", "POST /api/auth/token", "POST /api/auth/refresh", "POST /api/auth/logout",
			"GET /.well-known/jwks.json", "GET /api/products", "GET /api/products/{sku}", "POST /api/products",
			"PATCH /api/products/{sku}", "POST /api/orders", "GET /api/orders", "GET /api/orders/{id}",
			"POST /api/orders/{id}/cancel", "GET /api/payments", "GET /api/shipments",
			"POST /api/shipments/{id}/dispatch", "POST /api/shipments/{id}/deliver", "GET /api/notifications");

	@Test
	void thePageIsServedWithoutAToken() {
		Response page = RestAssured.given().redirects().follow(true).get("/api-docs");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.asString()).contains("swagger-ui");
	}

	@Test
	void showsEveryPublicEndpointWithItsProblemsAndNoInternalPath() {
		List<Map<String, String>> documents = RestAssured.given()
			.get("/v3/api-docs/swagger-config")
			.jsonPath()
			.getList("urls");
		assertThat(documents).extracting((document) -> document.get("name"))
			.containsExactlyInAnyOrder("user-service", "inventory-service", "order-service", "payment-service",
					"shipping-service", "notification-service");
		List<String> operations = new ArrayList<>();
		for (Map<String, String> url : documents) {
			Response response = RestAssured.given().get(url.get("url"));
			assertThat(response.statusCode()).as(url.get("url")).isEqualTo(200);
			JsonPath document = response.jsonPath();
			assertThat(document.getString("openapi")).startsWith("3.1");
			Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
			paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
				String name = method.toUpperCase(java.util.Locale.ROOT) + " " + path;
				operations.add(name);
				@SuppressWarnings("unchecked")
				Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation
					.get("responses");
				assertThat(responses.keySet()).as(name).anyMatch((status) -> status.startsWith("2"));
				responses.entrySet()
					.stream()
					.filter((entry) -> entry.getKey().matches("[45]\\d\\d"))
					.forEach((entry) -> assertThat(document.getMap("paths.'" + path + "'." + method + ".responses.'"
							+ entry.getKey() + "'.content.'application/problem+json'.examples"))
						.as("%s %s: the problem types, each with an example", name, entry.getKey())
						.isNotEmpty());
				assertThat(responses).as(name).containsKeys("400", "500", "503");
			}));
		}
		assertThat(operations).containsAll(PUBLIC_API);
		assertThat(operations).noneMatch((operation) -> operation.contains("/internal/"));
	}

}
