package dev.shopfront.e2e.compose;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The strongest drift check: every service's jar started with exactly the environment
 * {@code docker-compose.yml} gives its container, its secret files made by
 * {@code docker/secrets.sh}, and the JVM flags the image uses ({@code shop.d/jvm}), with
 * only the container addresses mapped to this machine: the containers' host names to the
 * local PostgreSQL, RabbitMQ and Redis (own databases, roles with the made passwords, own
 * virtual host and key prefix, so a running shop is never touched), every port moved by
 * {@value #PORT_SHIFT}. All seven must become ready, and the admin whose password is a
 * secret file must be able to sign in through the gateway.
 */
@Order(1)
class ComposeEnvironmentIntegrationTests {

	/**
	 * Moves every port below Linux's ephemeral range (from 32768), where any outgoing
	 * connection may hold a port for a while, and clear of the other local shops (e2e
	 * 18080, benchmarks 28080, fault suite 38080): 8081 becomes 23081.
	 */
	static final int PORT_SHIFT = 15000;

	private static final Pattern SERVICE_URL = Pattern.compile("//([a-z][a-z0-9-]*):(\\d+)");

	private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(\\w+)");

	@TempDir
	static Path temp;

	static Path root;

	static ComposeFile compose;

	static ComposeSecrets secrets;

	static String run;

	static final List<String> databases = new ArrayList<>();

	static final Map<String, Process> processes = new LinkedHashMap<>();

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@BeforeAll
	static void startEveryServiceWithTheComposeEnvironment() throws Exception {
		root = ComposeDriftIntegrationTests.repositoryRoot();
		compose = ComposeFile.read(root.resolve("docker-compose.yml"));
		secrets = ComposeSecrets.make(root, temp.resolve("secrets"));
		run = "drift" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
		command(List.of("rabbitmqctl", "-q", "add_vhost", run));
		command(List.of("rabbitmqctl", "-q", "set_permissions", "-p", run, "guest", ".*", ".*", ".*"));
		ShopRunner shop = new ShopRunner(root, temp.resolve("shop-state"));
		for (ShopRunner.Service service : shop.services()) {
			Map<String, String> environment = mapped(service.name());
			Path log = root.resolve("e2e-tests/target/compose-environment/" + service.name() + ".log");
			Files.createDirectories(log.getParent());
			// the image's entry point: common.args, jdk.args (jdk25.args on its JDK 25),
			// service.args
			List<String> java = new ArrayList<>(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
							"@" + root.resolve("shop.d/jvm/common.args")));
			if (Runtime.version().feature() >= 25) {
				java.add("@" + root.resolve("shop.d/jvm/jdk25.args"));
			}
			java.addAll(List.of("@" + root.resolve("shop.d/jvm/" + service.name() + ".args"), "-jar",
					jar(service).toString()));
			ProcessBuilder builder = new ProcessBuilder(java).directory(temp.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
			builder.environment().keySet().retainAll(List.of("PATH", "HOME", "LANG", "TZ"));
			builder.environment().putAll(environment);
			processes.put(service.name(), builder.start());
		}
		for (String service : processes.keySet()) {
			int port = Integer.parseInt(compose.environment(service).get("MANAGEMENT_SERVER_PORT")) + PORT_SHIFT;
			Process process = processes.get(service);
			await().atMost(Duration.ofMinutes(4))
				.pollInterval(Duration.ofMillis(500))
				.failFast(() -> assertThat(process.isAlive())
					.as(() -> "%s exited; its log: %s".formatted(service,
							tail(root.resolve("e2e-tests/target/compose-environment/" + service + ".log"))))
					.isTrue())
				.untilAsserted(() -> assertThat(status("http://127.0.0.1:" + port + "/actuator/health/readiness"))
					.as("%s ready with the compose environment", service)
					.isEqualTo(200));
		}
	}

	/**
	 * The service's compose environment, with the addresses of the containers it names
	 * moved to this machine.
	 */
	static Map<String, String> mapped(String service) {
		Map<String, String> environment = new LinkedHashMap<>();
		compose.environment(service).forEach((key, value) -> environment.put(key, mapValue(key, value)));
		if (environment.containsKey("SPRING_CONFIG_IMPORT")) {
			environment.put("SPRING_CONFIG_IMPORT",
					"optional:configtree:" + secrets.dirOf(compose, service).toAbsolutePath() + "/");
		}
		if (environment.containsKey("SPRING_DATASOURCE_URL")) {
			Matcher url = JDBC_URL.matcher(environment.get("SPRING_DATASOURCE_URL"));
			assertThat(url.matches()).as("%s: SPRING_DATASOURCE_URL", service).isTrue();
			String database = run + "_" + url.group(3);
			String role = run + "_" + environment.get("SPRING_DATASOURCE_USERNAME");
			String password = secrets.read(secrets.dirOf(compose, service).getFileName().toString(),
					"spring.datasource.password");
			command(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-U", "postgres", "-d",
					"postgres", "-v", "db=" + database, "-v", "role=" + role, "-v", "password=" + password, "-f",
					root.resolve("shop.d/provision-database.sql").toString()));
			databases.add(database);
			environment.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/" + database);
			environment.put("SPRING_DATASOURCE_USERNAME", role);
		}
		if (environment.containsKey("SPRING_RABBITMQ_HOST")) {
			// the local broker's user instead of the container's; environment variables
			// win
			// over the configtree's spring.rabbitmq.password
			environment.put("SPRING_RABBITMQ_USERNAME", "guest");
			environment.put("SPRING_RABBITMQ_PASSWORD", "guest");
			environment.put("SPRING_RABBITMQ_VIRTUAL_HOST", run);
		}
		if (environment.containsKey("SPRING_DATA_REDIS_HOST")) {
			environment.put("SHOPFRONT_GATEWAY_RATELIMIT_KEYPREFIX", run + ":");
		}
		return environment;
	}

	private static String mapValue(String key, String value) {
		if (key.endsWith("_PORT") && value.matches("\\d+")) {
			return (key.startsWith("SPRING_RABBITMQ") || key.startsWith("SPRING_DATA_REDIS")) ? value
					: Integer.toString(Integer.parseInt(value) + PORT_SHIFT);
		}
		if (key.endsWith("_HOST") && !key.endsWith("VIRTUAL_HOST") && compose.has(value)) {
			return "127.0.0.1";
		}
		Matcher url = SERVICE_URL.matcher(value);
		if (!value.startsWith("jdbc:") && url.find() && compose.has(url.group(1))) {
			return url.replaceAll((match) -> "//127.0.0.1:" + (Integer.parseInt(match.group(2)) + PORT_SHIFT));
		}
		return value;
	}

	@AfterAll
	static void stopAndDropEverything() throws Exception {
		processes.values().forEach(Process::destroy);
		for (Process process : processes.values()) {
			if (!process.waitFor(40, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		for (String database : databases) {
			command(List.of("psql", "-X", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-v",
					"db=" + database, "-v", "role=" + database, "-f",
					root.resolve("shop.d/drop-database.sql").toString()));
		}
		if (run != null) {
			command(List.of("rabbitmqctl", "-q", "delete_vhost", run));
		}
	}

	@Test
	void everyServiceBecomesReadyWithTheComposeEnvironment() {
		assertThat(processes).hasSize(compose.builtServices().size());
		assertThat(processes.values()).allMatch(Process::isAlive);
	}

	@Test
	void theAdminSignsInWithThePasswordFromItsSecretFileThroughTheGateway() throws Exception {
		String gateway = "http://127.0.0.1:"
				+ (Integer.parseInt(compose.environment("gateway").get("SERVER_PORT")) + PORT_SHIFT);
		String email = compose.environment("user-service").get("SHOPFRONT_USER_BOOTSTRAP_ADMIN_EMAIL");
		String body = "{\"email\":\"" + email + "\",\"password\":\"" + secrets.read("seed", "ADMIN_PASSWORD") + "\"}";
		HttpResponse<String> token = post(gateway + "/api/auth/token", "application/json", body);
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		assertThat(token.body()).contains("\"access_token\"");
		HttpResponse<String> catalog = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/products")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(catalog.statusCode()).as(catalog.body()).isEqualTo(200);
		assertThat(catalog.body()).as("the demo catalog of the demo profile").contains("\"sku\"");
	}

	@Test
	void orderServicesClientSecretFileIsTheOneUserServiceChecks() throws Exception {
		String userService = "http://127.0.0.1:"
				+ (Integer.parseInt(compose.environment("user-service").get("SERVER_PORT")) + PORT_SHIFT);
		String form = "grant_type=client_credentials&client_id=order-service&client_secret="
				+ java.net.URLEncoder.encode(secrets.read("order-service", "SHOPFRONT_ORDER_CLIENT_SECRET"),
						java.nio.charset.StandardCharsets.UTF_8);
		HttpResponse<String> token = post(userService + "/oauth2/token", "application/x-www-form-urlencoded", form);
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		assertThat(token.body()).contains("\"access_token\"");
	}

	private static HttpResponse<String> post(String url, String contentType, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Path jar(ShopRunner.Service service) throws IOException {
		try (Stream<Path> files = Files.list(root.resolve(service.module()).resolve("target"))) {
			return files.filter(
					(file) -> file.getFileName().toString().matches(Pattern.quote(service.name()) + "-[0-9].*\\.jar")
							&& !file.getFileName().toString().matches(".*-(sources|javadoc|tests)\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no jar of " + service.name() + ": run ./mvnw package"));
		}
	}

	private static int status(String url) {
		try {
			return http
				.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static void command(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.start();
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command.subList(0, 2)) + " failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
