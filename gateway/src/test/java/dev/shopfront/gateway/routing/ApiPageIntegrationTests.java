package dev.shopfront.gateway.routing;

import java.util.List;
import java.util.Map;

import dev.shopfront.gateway.GatewayTest;
import dev.shopfront.gateway.StubUpstream;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The API page: Swagger UI at {@code /api-docs} over every routed service's public API
 * document, each at {@code /api-docs/<service>.json}, all without a token.
 */
class ApiPageIntegrationTests extends GatewayTest {

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		registry.add(KEYS, TEST_KEYS);
	}

	@Test
	void servesEachServicesPublicDocumentAtAStableAddressWithoutAToken() {
		given().get("/api-docs/user-service.json")
			.then()
			.statusCode(200)
			.header("X-Upstream", "stub")
			.body("path", equalTo("/v3/api-docs/public"));
		StubUpstream.Received received = upstream.last();
		assertThat(received.method()).isEqualTo("GET");
		assertThat(received.path()).isEqualTo("/v3/api-docs/public");
	}

	@Test
	void listsEveryRoutedServiceOnThePage() {
		Response config = given().get("/v3/api-docs/swagger-config");
		config.then().statusCode(200);
		List<Map<String, String>> urls = config.jsonPath().getList("urls");
		assertThat(urls).extracting((url) -> url.get("name"))
			.containsExactlyInAnyOrder("user-service", "inventory-service", "order-service", "payment-service",
					"shipping-service", "notification-service");
		assertThat(urls).allSatisfy((url) -> assertThat(url.get("url"))
			.isEqualTo(RoutingConfiguration.API_DOCUMENTS + url.get("name") + ".json"));
	}

	@Test
	void servesThePageItself() {
		given().redirects().follow(true).get("/api-docs").then().statusCode(200).body(containsString("swagger-ui"));
		given().get("/swagger-ui/index.html").then().statusCode(200).contentType(containsString("text/html"));
	}

	@Test
	void routesNoOtherDocumentPathToTheServices() {
		given().get("/api-docs/nobody.json").then().statusCode(404);
		given().get("/v3/api-docs/public").then().statusCode(404);
		given().get("/api-docs/user-service.json/../../internal/reservations").then().statusCode(400);
		assertThat(upstream.received()).isEmpty();
	}

}
