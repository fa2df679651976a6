package dev.shopfront.e2e.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.yml} against what {@code ./shop} runs: the same services, ports,
 * readiness probe, databases, environment and JVM flags, so that the two ways of running
 * the shop cannot drift apart unnoticed. Every difference that matters fails here with
 * the service and the variable named; the few that are by design are listed below.
 * {@link ComposeEnvironmentIntegrationTests} then starts the jars with the file's
 * environment.
 */
@Order(0)
class ComposeDriftIntegrationTests {

	/**
	 * ./shop binds the services to loopback; in a container they must listen beyond it.
	 */
	private static final Set<String> ONLY_SHOP = Set.of("SERVER_ADDRESS");

	/**
	 * Compose reads secrets as files ({@code configtree}); the OTLP endpoint is wired for
	 * the {@code observability} profile, where ./shop sets it only when asked; the
	 * management port listens beyond loopback for Prometheus on the compose network (it
	 * is not published on the host); the gateway's addresses of the monolith and
	 * migration-sync are in the file for the {@code migration} profile, empty unless set
	 * (./shop gives them only with {@code --with-legacy}).
	 */
	private static final Set<String> ONLY_COMPOSE = Set.of("SPRING_CONFIG_IMPORT", "OTEL_EXPORTER_OTLP_ENDPOINT",
			"MANAGEMENT_SERVER_ADDRESS", "SHOPFRONT_GATEWAY_SERVICES_LEGACY_MONOLITH",
			"SHOPFRONT_GATEWAY_SERVICES_MIGRATION_SYNC");

	@TempDir
	static Path temp;

	static Path root;

	static ComposeFile compose;

	static ShopRunner shop;

	static ComposeSecrets secrets;

	@BeforeAll
	static void read() {
		root = repositoryRoot();
		compose = ComposeFile.read(root.resolve("docker-compose.yml"));
		shop = new ShopRunner(root, temp.resolve("shop-state"));
		secrets = ComposeSecrets.make(root, temp.resolve("secrets"));
	}

	static Path repositoryRoot() {
		return Path.of(System.getProperty("e2e.repoRoot", "..")).toAbsolutePath().normalize();
	}

	@Test
	void composeRunsExactlyTheServicesOfTheRunner() {
		assertThat(compose.builtServices()).as("services built from this repository in docker-compose.yml")
			.containsExactlyInAnyOrderElementsOf(shop.services().stream().map(ShopRunner.Service::name).toList());
	}

	@Test
	void theMigrationProfileRunsTheLegacyServicesOfTheRunner() {
		assertThat(compose.builtServices("migration")).as("services of the profile migration in docker-compose.yml")
			.containsExactlyInAnyOrderElementsOf(shop.legacyServices().stream().map(ShopRunner.Service::name).toList());
		SoftAssertions softly = new SoftAssertions();
		for (ShopRunner.Service service : shop.legacyServices()) {
			Map<String, String> expected = shop.environmentWithLegacy(service.name());
			Map<String, String> actual = compose.environment(service.name());
			sameVariables(softly, service, expected, actual);
			readyOnlyAfterWhatItNeeds(softly, service, actual);
			softly.assertThat(compose.healthcheck(service.name()))
				.as("%s: the container's healthcheck is the image's readiness probe", service.name())
				.containsExactly("CMD", "/app/healthcheck");
			softly.assertThat(compose.publishedPorts(service.name()))
				.as("%s is reachable only through the gateway", service.name())
				.isEmpty();
		}
		softly.assertThat(compose.command("legacy-db"))
			.as("the monolith's database has logical decoding, for change data capture")
			.contains("wal_level=logical");
		softly.assertThat(compose.environment("legacy-monolith").get("SPRING_DATASOURCE_URL"))
			.isEqualTo("jdbc:postgresql://legacy-db:5432/legacy_monolith");
		softly.assertThat(compose.environment("migration-sync").get("SHOPFRONT_MIGRATIONSYNC_LEGACY_URL"))
			.isEqualTo(compose.environment("legacy-monolith").get("SPRING_DATASOURCE_URL"));
		softly.assertThat(compose.environment("migration-sync").get("SHOPFRONT_MIGRATIONSYNC_SERVICE_URL"))
			.isEqualTo(compose.environment("inventory-service").get("SPRING_DATASOURCE_URL"));
		softly.assertThat(secrets.filesOf(compose, "migration-sync"))
			.contains("shopfront.migration-sync.legacy.password", "shopfront.migration-sync.service.password");
		softly.assertAll();
	}

	@TestFactory
	Stream<DynamicTest> eachServiceGetsWhatTheRunnerGivesIt() {
		return shop.services().stream().map((service) -> DynamicTest.dynamicTest(service.name(), () -> {
			SoftAssertions softly = new SoftAssertions();
			Map<String, String> expected = shop.environment(service.name());
			Map<String, String> actual = compose.environment(service.name());
			sameVariables(softly, service, expected, actual);
			sameValues(softly, service, expected, actual);
			readyOnlyAfterWhatItNeeds(softly, service, actual);
			ownDatabase(softly, service, expected, actual);
			softly.assertThat(compose.healthcheck(service.name()))
				.as("%s: the container's healthcheck is the image's readiness probe", service.name())
				.containsExactly("CMD", "/app/healthcheck");
			if (service.needs().contains("upstreams")) {
				softly.assertThat(compose.publishedPorts(service.name()))
					.as("%s, the entry point, is published on the host", service.name())
					.anyMatch((port) -> port.endsWith(":" + actual.get("SERVER_PORT")));
			}
			else {
				softly.assertThat(compose.publishedPorts(service.name()))
					.as("%s is reachable only through the gateway", service.name())
					.isEmpty();
			}
			softly.assertAll();
		}));
	}

	/**
	 * Every variable ./shop gives is given by Compose (as a variable or a secret file),
	 * and no other.
	 */
	private void sameVariables(SoftAssertions softly, ShopRunner.Service service, Map<String, String> expected,
			Map<String, String> actual) {
		Set<String> given = new TreeSet<>(actual.keySet());
		given.addAll(secrets.filesOf(compose, service.name()));
		Set<String> wanted = new TreeSet<>(expected.keySet());
		wanted.removeAll(ONLY_SHOP);
		softly.assertThat(without(wanted, given))
			.as("%s: variables ./shop gives that docker-compose.yml does not (as variable or secret file)",
					service.name())
			.isEmpty();
		softly.assertThat(without(without(given, wanted), ONLY_COMPOSE))
			.as("%s: variables docker-compose.yml gives that ./shop does not (no service reads them)", service.name())
			.isEmpty();
	}

	/**
	 * The names in {@code names} that are none of {@code others}, however each is spelt.
	 */
	private static Set<String> without(Set<String> names, Set<String> others) {
		Set<String> canonicalOthers = canonical(others);
		return names.stream()
			.filter((name) -> !canonicalOthers.contains(canonical(name)))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private void sameValues(SoftAssertions softly, ShopRunner.Service service, Map<String, String> expected,
			Map<String, String> actual) {
		Map<String, String> services = compose.builtServices()
			.stream()
			.collect(Collectors.toMap((name) -> compose.environment(name).getOrDefault("SERVER_PORT", ""),
					(name) -> name, (a, b) -> a));
		expected.forEach((key, value) -> {
			String theirs = actual.get(key);
			if (theirs == null || value.startsWith("(secret") || key.equals("SPRING_DATASOURCE_URL")
					|| key.equals("SPRING_RABBITMQ_USERNAME")) {
				return; // secrets are files; the database and the broker's user are
						// checked on their own
			}
			if (key.endsWith("_HOST") && !key.endsWith("VIRTUAL_HOST")) {
				softly.assertThat(compose.dependsOn(service.name()))
					.as("%s: %s=%s is a container it waits for until healthy", service.name(), key, theirs)
					.containsEntry(theirs, "service_healthy");
			}
			else if (value.startsWith("http://")) {
				URI mine = URI.create(value);
				URI composes = URI.create(theirs);
				softly.assertThat(composes.getPort())
					.as("%s: port in %s", service.name(), key)
					.isEqualTo(mine.getPort());
				softly.assertThat(composes.getPath())
					.as("%s: path in %s", service.name(), key)
					.isEqualTo(mine.getPath());
				String target = services.get(Integer.toString(mine.getPort()));
				softly.assertThat(composes.getHost())
					.as("%s: %s names the service on port %s", service.name(), key, mine.getPort())
					.isIn(target, "localhost");
			}
			else {
				softly.assertThat(theirs).as("%s: %s", service.name(), key).isEqualTo(value);
			}
		});
	}

	private void readyOnlyAfterWhatItNeeds(SoftAssertions softly, ShopRunner.Service service,
			Map<String, String> actual) {
		Map<String, String> dependsOn = compose.dependsOn(service.name());
		if (service.needs().contains("upstreams")) {
			for (ShopRunner.Service other : shop.services()) {
				if (!other.name().equals(service.name())) {
					softly.assertThat(dependsOn)
						.as("%s waits until %s is healthy", service.name(), other.name())
						.containsEntry(other.name(), "service_healthy");
				}
			}
		}
		if (actual.containsKey("SPRING_CONFIG_IMPORT")) {
			softly.assertThat(dependsOn)
				.as("%s waits until its secrets are made", service.name())
				.containsEntry("secrets", "service_completed_successfully");
		}
	}

	private void ownDatabase(SoftAssertions softly, ShopRunner.Service service, Map<String, String> expected,
			Map<String, String> actual) {
		if (!service.needs().contains("db")) {
			softly.assertThat(actual)
				.as("%s has no database", service.name())
				.doesNotContainKey("SPRING_DATASOURCE_URL");
			return;
		}
		Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(\\w+)")
			.matcher(actual.getOrDefault("SPRING_DATASOURCE_URL", ""));
		if (!url.matches()) {
			softly.fail("%s: SPRING_DATASOURCE_URL %s is not jdbc:postgresql://host:port/database", service.name(),
					actual.get("SPRING_DATASOURCE_URL"));
			return;
		}
		String host = url.group(1);
		String database = url.group(3);
		String shopDatabase = expected.get("SPRING_DATASOURCE_URL").replaceAll(".*/", "");
		softly.assertThat(database).as("%s: database name", service.name()).isEqualTo(shopDatabase);
		softly.assertThat(actual.get("SPRING_DATASOURCE_USERNAME"))
			.as("%s: database role", service.name())
			.isEqualTo(expected.get("SPRING_DATASOURCE_USERNAME"));
		softly.assertThat(compose.dependsOn(service.name()))
			.as("%s waits until its database %s is healthy", service.name(), host)
			.containsEntry(host, "service_healthy");
		Map<String, String> postgres = compose.environment(host);
		softly.assertThat(postgres.get("POSTGRES_DB"))
			.as("%s: the database %s creates", service.name(), host)
			.isEqualTo(database);
		softly.assertThat(postgres.get("POSTGRES_USER"))
			.as("%s: the role %s creates", service.name(), host)
			.isEqualTo(actual.get("SPRING_DATASOURCE_USERNAME"));
		String secretsDir = compose.environment(service.name())
			.getOrDefault("SPRING_CONFIG_IMPORT", "")
			.replaceFirst("^optional:configtree:", "")
			.replaceAll("/+$", "");
		softly.assertThat(compose.volumeAt(host, secretsDir))
			.as("%s and its database %s read the password from the same volume", service.name(), host)
			.isPresent()
			.isEqualTo(compose.volumeAt(service.name(), secretsDir));
		softly.assertThat(postgres.get("POSTGRES_PASSWORD_FILE"))
			.as("%s: the password file of %s", service.name(), host)
			.isEqualTo(secretsDir + "/spring.datasource.password");
		softly.assertThat(secrets.filesOf(compose, service.name()))
			.as("%s: its secret files", service.name())
			.contains("spring.datasource.password");
		softly.assertThat(Set.of(database))
			.as("%s: a database of its own", service.name())
			.doesNotContainAnyElementsOf(otherDatabases(service.name()));
	}

	private Set<String> otherDatabases(String service) {
		Set<String> databases = new HashSet<>();
		for (String other : compose.builtServices()) {
			String url = compose.environment(other).get("SPRING_DATASOURCE_URL");
			if (!other.equals(service) && url != null) {
				databases.add(url.replaceAll(".*/", ""));
			}
		}
		return databases;
	}

	@Test
	void theImageAndTheRunnerReadTheSameReadinessProbeAndJvmFlags() throws IOException {
		String dockerfile = Files.readString(root.resolve("Dockerfile"));
		String runner = Files.readString(root.resolve("shop"));
		assertThat(readinessPath(Files.readString(root.resolve("docker/healthcheck.sh"))))
			.as("the image's healthcheck probes what ./shop waits for")
			.isEqualTo(readinessPath(runner));
		assertThat(dockerfile).contains("docker/healthcheck.sh /app/healthcheck")
			.contains("COPY shop.d/jvm/common.args jvm/common.args")
			.contains("COPY shop.d/jvm/${SERVICE}.args jvm/service.args")
			.contains("COPY shop.d/jvm/jdk25.args jvm/jdk25.args")
			.contains("\"@jvm/common.args\", \"@jvm/jdk.args\", \"@jvm/service.args\"");
		assertThat(runner).contains("\"@$SHOP_ROOT/shop.d/jvm/common.args\" \"@$SHOP_ROOT/shop.d/jvm/$1.args\"")
			.contains("\"@$SHOP_ROOT/shop.d/jvm/jdk25.args\"");
		for (ShopRunner.Service service : shop.services()) {
			assertThat(root.resolve("shop.d/jvm/" + service.name() + ".args")).as("JVM flags of %s", service.name())
				.content()
				.containsPattern("(?m)^-Xmx\\d+m");
		}
	}

	private static String readinessPath(String text) {
		Matcher matcher = Pattern.compile("/actuator/health/[a-z]+").matcher(text);
		assertThat(matcher.find()).as("a readiness path in %s", text.lines().findFirst().orElse("")).isTrue();
		return matcher.group();
	}

	@Test
	void composePrometheusScrapesEveryServiceAtItsManagementPort() throws IOException {
		String config = Files.readString(root.resolve("observability/prometheus/prometheus-compose.yml"));
		for (ShopRunner.Service service : shop.services()) {
			assertThat(config).as("the compose Prometheus scrapes %s", service.name())
				.contains("\"" + service.name() + ":" + service.managementPort() + "\"")
				.contains("{ service: " + service.name() + " }");
			assertThat(compose.environment(service.name())).containsEntry("MANAGEMENT_SERVER_PORT",
					Integer.toString(service.managementPort()));
		}
	}

	@Test
	void envExampleShowsEveryVariableTheFileReads() throws IOException {
		Set<String> example = new TreeSet<>();
		for (String line : Files.readAllLines(root.resolve(".env.example"))) {
			if (!line.isBlank() && !line.startsWith("#")) {
				example.add(line.substring(0, line.indexOf('=')));
			}
		}
		assertThat(example).containsExactlyInAnyOrderElementsOf(compose.variables());
		assertThat(compose.environment("secrets").keySet()).as("every secret .env may set reaches docker/secrets.sh")
			.containsExactlyInAnyOrderElementsOf(
					example.stream().filter((name) -> name.matches("SHOP_.*(PASSWORD|SECRET|SIGNING_KEY).*")).toList());
	}

	@Test
	void secretsAreMadeOnceAndKeptAndNoneIsInTheFileOrTheImage() throws IOException {
		ComposeSecrets again = ComposeSecrets.make(root, temp.resolve("secrets"));
		assertThat(again.read("order-service", "SHOPFRONT_ORDER_CLIENT_SECRET"))
			.as("a second up keeps the secrets of the first")
			.isEqualTo(secrets.read("order-service", "SHOPFRONT_ORDER_CLIENT_SECRET"))
			.hasSizeGreaterThanOrEqualTo(32);
		assertThat(again.read("user-service", "SHOPFRONT_USER_ORDER_SERVICE_CLIENT_SECRET"))
			.as("user-service checks the secret order-service presents")
			.isEqualTo("{noop}" + again.read("order-service", "SHOPFRONT_ORDER_CLIENT_SECRET"));
		assertThat(again.read("user-service", "spring.datasource.password"))
			.isNotEqualTo(again.read("order-service", "spring.datasource.password"));
		String file = Files.readString(root.resolve("docker-compose.yml"));
		String dockerfile = Files.readString(root.resolve("Dockerfile"));
		for (String secret : List.of(again.read("order-service", "SHOPFRONT_ORDER_CLIENT_SECRET"),
				again.read("seed", "ADMIN_PASSWORD"))) {
			assertThat(file).doesNotContain(secret);
			assertThat(dockerfile).doesNotContain(secret);
		}
		assertThat(Files.readString(root.resolve(".dockerignore"))).contains(".env").contains(".shop/");
		assertThat(Files.readString(root.resolve(".gitignore"))).containsPattern("(?m)^\\.env$");
	}

	@Test
	void aSecretSetInDotEnvReachesItsConsumers() {
		Map<String, String> chosen = new java.util.TreeMap<>();
		compose.environment("secrets").keySet().forEach((name) -> chosen.put(name, "chosen-" + name.toLowerCase()));
		ComposeSecrets given = ComposeSecrets.make(root, temp.resolve("chosen-secrets"), chosen);
		chosen.forEach((name, value) -> assertThat(given.consumersOf(value)).as("who gets %s", name).isNotEmpty());
		assertThat(given.read("seed", "ADMIN_PASSWORD")).isEqualTo("chosen-shop_admin_password");
		assertThat(given.read("user-service", "shopfront.user.jwt.private-key")).isEqualTo("chosen-shop_signing_key");
	}

	@Test
	void theComposeToolAcceptsTheFile() throws Exception {
		List<String> tool = ComposeTool.find();
		org.junit.jupiter.api.Assumptions.assumeTrue(!tool.isEmpty(),
				"neither `docker compose` nor `docker-compose` is installed (.ci/run installs docker-compose)");
		for (List<String> arguments : List.of(List.of("config", "-q"),
				List.of("--env-file", ".env.example", "config", "-q"),
				List.of("--profile", "observability", "config", "-q"))) {
			ComposeTool.Result result = ComposeTool.run(root, tool, arguments);
			assertThat(result.exitCode()).as("%s %s: %s", tool, arguments, result.output()).isZero();
		}
	}

	static Set<String> canonical(Set<String> names) {
		return names.stream().map(ComposeDriftIntegrationTests::canonical).collect(Collectors.toSet());
	}

	/**
	 * {@code spring.datasource.password} and {@code SPRING_DATASOURCE_PASSWORD} are one
	 * setting.
	 */
	static String canonical(String name) {
		return name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
	}

}
