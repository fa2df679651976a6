package dev.shopfront.chassis.openapi;

import java.util.List;
import java.util.Map;

import dev.shopfront.testsupport.WithTestServers;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the chassis writes into every service's OpenAPI documents: who may call each
 * operation (read from the security rules), the problems each can answer with, and
 * records as strict as the code.
 */
@SpringBootTest(classes = OpenApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithTestServers(database = false, broker = false)
class ChassisOpenApiTests {

	@LocalServerPort
	int port;

	private JsonPath document(String group) {
		return RestAssured.given()
			.port(this.port)
			.get("/v3/api-docs/" + group)
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
	}

	@Test
	void separatesThePublicAndTheInternalApi() {
		JsonPath open = document("public");
		assertThat(open.getString("openapi")).startsWith("3.1");
		assertThat(open.getMap("paths").keySet()).containsExactlyInAnyOrder("/api/things", "/api/things/{id}");
		assertThat(open.getString("servers[0].url")).isEqualTo("/");
		assertThat(document("internal").getMap("paths").keySet()).containsExactly("/internal/things/count");
	}

	@Test
	void readsWhoMayCallEachOperationFromTheSecurityRules() {
		JsonPath open = document("public");
		assertThat(open.getList("paths.'/api/things'.get.security")).isEmpty();
		assertThat(open.getList("paths.'/api/things'.post.security"))
			.containsExactly(Map.of("bearer", List.of("ADMIN")));
		assertThat(open.getList("paths.'/api/things/{id}'.get.security")).containsExactly(Map.of("bearer", List.of()));
		assertThat(document("internal").getList("paths.'/internal/things/count'.get.security"))
			.containsExactly(Map.of("bearer", List.of("SERVICE")));
		assertThat(open.getString("paths.'/api/things'.post.description")).contains("role ADMIN");
		assertThat(open.getString("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
		assertThat(open.getList("paths.'/api/things/{id}'.get.tags")).containsExactly("things");
		assertThat(document("internal").getList("paths.'/internal/things/count'.get.tags")).containsExactly("things");
	}

	@Test
	void listsTheProblemTypesOfEachStatus() {
		JsonPath open = document("public");
		assertThat(problemTypes(open, "/api/things", "post", 409)).containsExactly("thing-taken", "conflict");
		assertThat(problemTypes(open, "/api/things", "post", 400)).containsExactly("validation", "malformed-request",
				"bad-request");
		assertThat(problemTypes(open, "/api/things", "post", 403)).containsExactly("forbidden");
		assertThat(problemTypes(open, "/api/things", "post", 429)).containsExactly("rate-limited");
		assertThat(problemTypes(open, "/api/things/{id}", "get", 404)).containsExactly("thing-not-found");
		assertThat(open.getMap("paths.'/api/things/{id}'.get.responses")).doesNotContainKey("403");
		assertThat(open.getMap("paths.'/api/things'.get.responses")).doesNotContainKeys("403", "413", "415");
		assertThat(open.getString("paths.'/api/things'.post.responses.'409'.content.'application/problem+json'"
				+ ".examples.thing-taken.value.title"))
			.isEqualTo("Thing taken");
		assertThat(open.getMap("paths.'/api/things'.post.responses.'503'.headers")).containsKey("Retry-After");
		assertThat(document("internal").getMap("paths.'/internal/things/count'.get.responses"))
			.doesNotContainKeys("429", "504");
		assertThat(open.getString("paths.'/api/things'.post.extensions")).isNull();
	}

	@Test
	void makesRecordsAsStrictAsTheCode() {
		JsonPath open = document("public");
		assertThat(open.getList("components.schemas.Thing.required")).containsExactlyInAnyOrder("id", "name");
		assertThat(open.getList("components.schemas.Thing.properties.note.type")).containsExactly("string", "null");
		assertThat(open.getString("components.schemas.Thing.properties.tag.type")).isEqualTo("string");
		assertThat(open.getString("components.schemas.Thing.properties.name.description")).isEqualTo("its name");
		assertThat(open.getList("components.schemas.NewThing.required")).containsExactly("name");
	}

	private static List<String> problemTypes(JsonPath document, String path, String method, int status) {
		return document
			.<String>getList("paths.'" + path + "'." + method + ".responses.'" + status
					+ "'.content.'application/problem+json'.schema.allOf[1].properties.type.enum")
			.stream()
			.map((type) -> type.substring(type.lastIndexOf('/') + 1))
			.toList();
	}

}
