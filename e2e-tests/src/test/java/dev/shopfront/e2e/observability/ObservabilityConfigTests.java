package dev.shopfront.e2e.observability;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The alert rules as Prometheus reads them: {@code promtool check rules} and their unit
 * tests ({@code promtool test rules}), with Debian's promtool ({@code .ci/run} installs
 * the prometheus package).
 */
public class ObservabilityConfigTests {

	public static final Path PROMETHEUS = Path
		.of(System.getProperty("e2e.repoRoot", ".."), "observability", "prometheus")
		.toAbsolutePath()
		.normalize();

	@Test
	void theAlertRulesAreValidAndPassTheirUnitTests() throws Exception {
		assertThat(run("check", "rules", "alerts.yml")).contains("SUCCESS: 5 rules found");
		assertThat(run("test", "rules", "alerts-test.yml")).contains("SUCCESS");
		assertThat(run("check", "config", "prometheus-compose.yml")).contains("is valid prometheus config file");
	}

	@Test
	void theMetricNamesOfTheRulesAreFoundInThem() {
		assertThat(PromQl.metricNames(PROMETHEUS.resolve("alerts.yml"))).containsExactlyInAnyOrder("up",
				"shopfront_outbox_oldest_age_seconds", "shopfront_messages_parked_total",
				"http_server_requests_seconds_count", "shopfront_saga_overdue");
		assertThat(PromQl.metricNames(
				"sum by (service) (rate(http_server_requests_seconds_count{status=~\"5..\", uri!=\"/x\"}[5m])) / on (service) group_left max(jvm_memory_used_bytes{area=\"heap\"})"))
			.containsExactlyInAnyOrder("http_server_requests_seconds_count", "jvm_memory_used_bytes");
	}

	@Test
	void theDashboardsShowEveryBusinessMetricTheIssueNames() {
		Set<String> used = new TreeSet<>();
		used.addAll(PromQl.metricNames(PROMETHEUS.resolveSibling("grafana/dashboards/services.json")));
		used.addAll(PromQl.metricNames(PROMETHEUS.resolveSibling("grafana/dashboards/orders.json")));
		assertThat(used).contains("http_server_requests_seconds_count", "shopfront_outbox_pending",
				"shopfront_outbox_oldest_age_seconds", "shopfront_messages_parked_total", "rabbitmq_consumed_total",
				"jvm_memory_used_bytes", "hikaricp_connections_active", "shopfront_orders_total",
				"shopfront_saga_duration_seconds_sum", "shopfront_saga_step_duration_seconds_sum",
				"shopfront_payments_total", "shopfront_reservations_total", "shopfront_notifications_total",
				"shopfront_saga_overdue");
	}

	private static String run(String... arguments) throws Exception {
		assumeTrue(new File("/usr/bin/promtool").canExecute() || onPath("promtool"),
				"promtool is not installed (apt-get install prometheus; .ci/run does)");
		List<String> command = new java.util.ArrayList<>(List.of("promtool"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("promtool %s:\n%s", String.join(" ", arguments), output).isZero();
		return output;
	}

	private static boolean onPath(String tool) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			if (new File(dir, tool).canExecute()) {
				return true;
			}
		}
		return false;
	}

}
