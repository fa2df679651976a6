package dev.shopfront.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract check the suite puts on every response, against the committed catalog
 * document: it passes an answer that keeps to the document and fails one that drifts.
 */
class ApiContractTests {

	private static final String PRODUCT = """
			{"sku":"MUG-CLASSIC","name":"Classic mug","description":"Stoneware","category":null,
			 "price":"12.50","currency":"EUR","available":40}""";

	private final ApiContract contract;

	ApiContractTests() throws IOException {
		this.contract = new ApiContract(URI.create("http://localhost:18080"),
				Map.of("inventory-service", Files.readString(Path.of("..", "docs", "api", "inventory-service.json"))));
	}

	private List<String> product(int status, String contentType, String body) {
		return this.contract.violations("/api/products/MUG-CLASSIC", "GET", status, contentType, body, Map.of());
	}

	@Test
	void passesAnAnswerThatKeepsToTheDocument() {
		assertThat(product(200, "application/json", PRODUCT)).isEmpty();
	}

	@Test
	void failsAMissingField() {
		assertThat(product(200, "application/json", PRODUCT.replace("\"sku\":\"MUG-CLASSIC\",", "")))
			.anySatisfy((violation) -> assertThat(violation).contains("sku"));
	}

	@Test
	void failsAFieldOfAnotherType() {
		assertThat(product(200, "application/json", PRODUCT.replace("\"12.50\"", "12.5"))).isNotEmpty();
	}

	@Test
	void failsANullWhereNoneMayBe() {
		assertThat(product(200, "application/json", PRODUCT.replace("\"Classic mug\"", "null"))).isNotEmpty();
	}

	@Test
	void failsAStatusOrProblemTypeNobodyDocumented() {
		assertThat(product(418, "application/problem+json", "{}")).isNotEmpty();
		assertThat(product(404, "application/problem+json", """
				{"type":"https://shopfront.dev/problems/not-found","title":"Not found","status":404}""")).isEmpty();
		assertThat(product(404, "application/problem+json", """
				{"type":"https://shopfront.dev/problems/gone-fishing","title":"Not found","status":404}"""))
			.isNotEmpty();
	}

	@Test
	void leavesPathsNoDocumentHasAlone() {
		assertThat(
				this.contract.violations("/api/nothing-here", "GET", 404, "application/problem+json", "{}", Map.of()))
			.isEmpty();
	}

}
