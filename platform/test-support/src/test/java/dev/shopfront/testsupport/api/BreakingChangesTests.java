package dev.shopfront.testsupport.api;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What counts as breaking, on the committed catalog document changed the ways a client
 * would notice (and the ways it would not).
 */
class BreakingChangesTests {

	private static final String API = "inventory-service public";

	private final ObjectMapper json = new ObjectMapper();

	private final String catalog = ApiDocuments.read(ApiDocuments.committed("inventory-service", "public"));

	private String changed(Consumer<ObjectNode> change) throws Exception {
		ObjectNode document = (ObjectNode) this.json.readTree(this.catalog);
		change.accept(document);
		return this.json.writeValueAsString(document);
	}

	private static ObjectNode schema(ObjectNode document, String name) {
		return (ObjectNode) document.path("components").path("schemas").path(name);
	}

	@Test
	void theSameDocumentBreaksNothing() {
		assertThat(BreakingChanges.between(API, this.catalog, this.catalog)).isEmpty();
	}

	@Test
	void aRemovedOperationBreaks() throws Exception {
		String after = changed(
				(document) -> ((ObjectNode) document.path("paths").path("/api/products/{sku}")).remove("get"));
		assertThat(BreakingChanges.between(API, this.catalog, after))
			.containsExactly(API + ": GET /api/products/{sku} removed");
	}

	@Test
	void aRemovedResponseFieldBreaks() throws Exception {
		String after = changed((document) -> {
			ObjectNode product = schema(document, "ProductResponse");
			((ObjectNode) product.path("properties")).remove("available");
			ArrayNode required = (ArrayNode) product.path("required");
			for (int i = 0; i < required.size(); i++) {
				if (required.get(i).asText().equals("available")) {
					required.remove(i);
				}
			}
		});
		assertThat(BreakingChanges.between(API, this.catalog, after)).contains(
				API + ": GET /api/products/{sku} changed incompatibly",
				API + ": GET /api/products changed incompatibly");
	}

	@Test
	void aNewRequiredRequestFieldBreaks() throws Exception {
		String after = changed((document) -> {
			ObjectNode request = schema(document, "NewProductRequest");
			((ObjectNode) request.path("properties")).putObject("weight").put("type", "integer");
			((ArrayNode) request.path("required")).add("weight");
		});
		assertThat(BreakingChanges.between(API, this.catalog, after))
			.containsExactly(API + ": POST /api/products changed incompatibly");
	}

	@Test
	void aNewOperationOrAnOptionalRequestFieldBreaksNothing() throws Exception {
		String after = changed((document) -> {
			((ObjectNode) schema(document, "NewProductRequest").path("properties")).putObject("weight")
				.put("type", "integer");
			((ObjectNode) document.path("paths")).set("/api/products/{sku}/photos",
					document.path("paths").path("/api/products/{sku}").deepCopy());
		});
		assertThat(BreakingChanges.between(API, this.catalog, after)).isEmpty();
	}

	@Test
	void theReportSaysWhatChanged() throws Exception {
		String after = changed(
				(document) -> ((ObjectNode) document.path("paths").path("/api/products/{sku}")).remove("get"));
		assertThat(BreakingChanges.report(this.catalog, after)).contains("/api/products/{sku}");
	}

}
