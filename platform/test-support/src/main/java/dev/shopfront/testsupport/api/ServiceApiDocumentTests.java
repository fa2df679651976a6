package dev.shopfront.testsupport.api;

import java.nio.file.Path;

import dev.shopfront.testsupport.ServiceIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API contract checks every service runs: the documents it serves are the committed
 * ones in {@code docs/api/} (so a change to an API is a diff in review), and they break
 * no client of the last release ({@code docs/api/baseline/}) unless the change is marked
 * in {@code docs/api/breaking-changes.txt}. A service's test extends this with its
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}.
 * <p>
 * After an intended change, {@code ./mvnw verify -Dshopfront.api.update=true} rewrites
 * the committed documents (never the baseline); a breaking change still fails until
 * marked.
 */
public abstract class ServiceApiDocumentTests extends ServiceIntegrationTest {

	@Value("${spring.application.name}")
	private String service;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "public", "internal" })
	void servesTheCommittedDocument(String group) {
		String served = served(group);
		Path committed = ApiDocuments.committed(this.service, group);
		if (served == null) {
			assertThat(committed).as("the service has no %s API, so there is no document for it", group).doesNotExist();
			return;
		}
		if (Boolean.getBoolean(ApiDocuments.UPDATE_PROPERTY)) {
			ApiDocuments.write(committed, served);
		}
		Path actual = Path.of("target", "api-docs", committed.getFileName().toString().replace(".json", "")
				+ (group.equals("public") ? "" : "." + group) + ".json");
		ApiDocuments.write(actual, served);
		assertThat(committed)
			.as("the %s API document of %s (served one in %s); if the change is intended, run with -D%s=true "
					+ "and commit docs/api/", group, this.service, actual.toAbsolutePath(),
					ApiDocuments.UPDATE_PROPERTY)
			.exists()
			.hasSameTextualContentAs(actual);
	}

	/**
	 * The document the service serves, canonical; null when the group has no paths.
	 */
	private @org.jspecify.annotations.Nullable String served(String group) {
		Response response = RestAssured.given().port(this.port).get("/v3/api-docs/" + group);
		if (response.statusCode() == 404) {
			return null;
		}
		assertThat(response.statusCode()).as("GET /v3/api-docs/%s", group).isEqualTo(200);
		Object paths = response.jsonPath().get("paths");
		if (paths == null || (paths instanceof java.util.Map<?, ?> map && map.isEmpty())) {
			return null;
		}
		return ApiDocuments.canonical(response.asString());
	}

}
