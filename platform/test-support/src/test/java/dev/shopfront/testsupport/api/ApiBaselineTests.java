package dev.shopfront.testsupport.api;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No committed API document breaks a client of the last release: each is compared with
 * its copy in {@code docs/api/baseline/}, and every breaking change must be marked in
 * {@code docs/api/breaking-changes.txt}. The services' own tests keep the committed
 * documents equal to what they serve, so this judges the APIs as they are.
 */
class ApiBaselineTests {

	@TestFactory
	Stream<DynamicTest> noDocumentBreaksAClientOfTheBaselineUnlessMarked() {
		List<Path> documents = ApiDocuments.allCommitted();
		assertThat(documents).as("committed API documents").isNotEmpty();
		return documents.stream().map((document) -> DynamicTest.dynamicTest(name(document), () -> {
			String baseline = ApiDocuments.read(ApiDocuments.baselineOf(document));
			if (baseline == null) {
				return;
			}
			String now = ApiDocuments.read(document);
			assertThat(now).isNotNull();
			List<String> unmarked = BreakingChanges.between(name(document), baseline, now)
				.stream()
				.filter((change) -> !BreakingChanges.accepted().contains(change))
				.toList();
			assertThat(unmarked)
				.as("breaking changes against docs/api/baseline/: a client of the last release would fail. "
						+ "If intended, add each line to %s with the reason above it.%n%s",
						ApiDocuments.acceptedBreakingChanges(), BreakingChanges.report(baseline, now))
				.isEmpty();
		}));
	}

	@Test
	void noReleasedDocumentIsGoneUnlessMarked() {
		List<String> gone = ApiDocuments.allBaselines()
			.stream()
			.filter((baseline) -> ApiDocuments.read(ApiDocuments.committedOf(baseline)) == null)
			.map((baseline) -> name(ApiDocuments.committedOf(baseline)) + ": removed")
			.filter((change) -> !BreakingChanges.accepted().contains(change))
			.toList();
		assertThat(gone).as("released APIs without a document now").isEmpty();
	}

	/**
	 * The API a document is of, as the marks name it: {@code inventory-service public}.
	 */
	static String name(Path document) {
		String service = document.getFileName().toString().replace(".json", "");
		String group = document.getParent().getFileName().toString().equals("internal") ? "internal" : "public";
		return service + " " + group;
	}

}
