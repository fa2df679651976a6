package dev.shopfront.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.shopfront.e2e.observability.ObservabilityConfigTests;
import dev.shopfront.e2e.observability.PromQl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * No panel stays empty and no alert watches nothing: every metric name the alert rules
 * and the dashboards use is one that the deployment's Prometheus has scraped from the
 * services (after the journeys of this suite ran, so that counters made on first use
 * exist too).
 */
@ExtendWith(ShopDeployment.class)
@Order(Integer.MAX_VALUE - 1)
class MetricNamesE2ETests {

	@Test
	void everyMetricTheAlertsAndDashboardsUseIsScrapedFromTheServices(Deployment deployment) {
		assumeTrue(deployment.metricsApi().isPresent(), "no Prometheus known for " + deployment.description()
				+ " (-De2e.metricsApiUrl; ./shop runs one when prometheus is installed)");
		Set<String> used = new TreeSet<>(PromQl.metricNames(ObservabilityConfigTests.PROMETHEUS.resolve("alerts.yml")));
		for (Path dashboard : dashboards()) {
			used.addAll(PromQl.metricNames(dashboard));
		}
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			Response names = RestAssured.given()
				.baseUri(deployment.metricsApi().get().toString())
				.get("/api/v1/label/__name__/values");
			assertThat(names.statusCode()).as(names.asString()).isEqualTo(200);
			List<String> scraped = names.jsonPath().getList("data");
			assertThat(scraped).as("metrics scraped by %s", deployment.metricsApi().get()).containsAll(used);
		});
	}

	static List<Path> dashboards() {
		Path dir = ObservabilityConfigTests.PROMETHEUS.getParent().resolve("grafana/dashboards");
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
