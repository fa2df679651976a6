package dev.shopfront.e2e.runner;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code ./shop up} judges a start by progress: a service whose log, CPU time and
 * readiness answer all stand still for {@code SHOP_STALL_TIMEOUT} is reported as stuck,
 * named with why it is not ready and its last log line, long before
 * {@code SHOP_READY_TIMEOUT}. The stuck service is a real one (payment-service's jar)
 * whose JVM waits for a debugger before its first line of code ({@code jdwp suspend=y}).
 */
class ShopStartupIntegrationTests {

	private static final int PORT_BASE = 24080;

	@TempDir
	Path temp;

	/** This run's database prefix, vhost and key prefix: never the default shop's. */
	private final String names = "t" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 24) + "_";

	@Test
	void aServiceThatMakesNoProgressIsReportedWithWhy() throws Exception {
		Path root = Path.of(System.getProperty("e2e.repoRoot", "..")).toAbsolutePath().normalize();
		assumeTrue(hasJar(root.resolve("payment-service/target")),
				"needs payment-service's jar (./mvnw verify packages it before this module's tests)");
		Path table = this.temp.resolve("services");
		Files.writeString(table, "payment-service payment-service 4 - -\n");
		Map<String, String> environment = isolated(this.names, "SHOP_STATE_DIR", this.temp.resolve("state").toString(),
				"SHOP_SERVICES_FILE", table.toString(), "SHOP_STALL_TIMEOUT", "8", "SHOP_READY_TIMEOUT", "300",
				"SHOP_JAVA_OPTS",
				"-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:" + (PORT_BASE + 910));
		try {
			Result up = shop(root, environment, "up", "--no-build");
			assertThat(up.exit()).as(up.output()).isNotZero();
			assertThat(up.output()).contains("no progress for 8s (SHOP_STALL_TIMEOUT")
				.contains("payment-service: its management port " + (PORT_BASE + 1004) + " does not answer yet")
				.contains("last log: Listening for transport dt_socket")
				.doesNotContain("not ready after 300s");
		}
		finally {
			shop(root, environment, "down", "--purge");
		}
	}

	/**
	 * Two checkouts sharing one state directory (as bench/compare.sh's did): each start
	 * runs its own jar, also when the jar extracted before it is newer. The services exit
	 * at once (an unknown JVM flag): only which jar was extracted matters here.
	 */
	@Test
	void runsItsOwnJarAfterANewerOneFromAnotherCheckout() throws Exception {
		Path root = Path.of(System.getProperty("e2e.repoRoot", "..")).toAbsolutePath().normalize();
		Path built = paymentJar(root.resolve("payment-service/target")).orElse(null);
		assumeTrue(built != null, "needs payment-service's jar (./mvnw verify packages it before this module's tests)");
		Path older = checkout("older", built, Instant.now().minus(Duration.ofHours(1)));
		Path newer = checkout("newer", built, Instant.now());
		Path state = this.temp.resolve("state");
		try {
			for (Path module : List.of(newer, older)) {
				Path table = this.temp.resolve("services-" + module.getFileName());
				Files.writeString(table, "payment-service " + module + " 4 - -\n");
				Map<String, String> environment = isolated(this.names, "SHOP_STATE_DIR", state.toString(),
						"SHOP_SERVICES_FILE", table.toString(), "SHOP_STALL_TIMEOUT", "8", "SHOP_JAVA_OPTS",
						"-XX:+NoSuchFlagForThisTest");
				Result up = shop(root, environment, "up", "--no-build");
				assertThat(up.exit()).as(up.output()).isNotZero();
				Path jar = module.resolve("target").resolve(built.getFileName());
				Path extracted = state.resolve("app/payment-service").resolve(built.getFileName());
				assertThat(Files.readString(state.resolve("app/payment-service/.complete")).strip())
					.isEqualTo(jar.toString());
				assertThat(Files.getLastModifiedTime(extracted)).isEqualTo(Files.getLastModifiedTime(jar));
				shop(root, environment, "down");
			}
		}
		finally {
			shop(root, isolated(this.names, "SHOP_STATE_DIR", state.toString()), "down", "--purge");
		}
	}

	/**
	 * {@code ./shop down --purge} drops what its state directory's shop was started with,
	 * and refuses, dropping nothing, when it runs with another database prefix: a purge
	 * of a benchmark's state without the benchmark's environment would otherwise drop the
	 * default shop's databases. A start with other names in that state is refused as
	 * well, creating nothing, so the record keeps naming the shop whose databases the
	 * state holds. The other prefixes here are ones this test owns.
	 */
	@Test
	void purgeDropsOnlyTheDatabasesItsStateWasStartedWith() throws Exception {
		Path root = Path.of(System.getProperty("e2e.repoRoot", "..")).toAbsolutePath().normalize();
		assumeTrue(hasJar(root.resolve("payment-service/target")),
				"needs payment-service's jar (./mvnw verify packages it before this module's tests)");
		Path table = this.temp.resolve("services");
		Files.writeString(table, "payment-service payment-service 4 db -\n");
		Map<String, String> environment = isolated(this.names, "SHOP_STATE_DIR", this.temp.resolve("state").toString(),
				"SHOP_SERVICES_FILE", table.toString(), "SHOP_STALL_TIMEOUT", "8", "SHOP_JAVA_OPTS",
				"-XX:+NoSuchFlagForThisTest");
		String other = this.names + "other_";
		Map<String, String> otherEnvironment = new HashMap<>(environment);
		otherEnvironment.put("SHOP_DB_PREFIX", other);
		String ours = this.names + "payment_service";
		String theirs = other + "payment_service";
		String third = this.names + "third_";
		try {
			sql("CREATE DATABASE " + theirs);
			// the JVM refuses the flag at once, after up has created the service's
			// database
			assertThat(shop(root, environment, "up", "--no-build").exit()).isNotZero();
			assertThat(databases()).contains(ours, theirs);

			Result refused = shop(root, otherEnvironment, "down", "--purge");
			assertThat(refused.exit()).as(refused.output()).isNotZero();
			assertThat(refused.output()).contains("was started with SHOP_DB_PREFIX=" + this.names)
				.doesNotContain("dropped database");
			assertThat(databases()).contains(ours, theirs);

			Map<String, String> thirdEnvironment = new HashMap<>(environment);
			thirdEnvironment.put("SHOP_DB_PREFIX", third);
			Result restarted = shop(root, thirdEnvironment, "up", "--no-build");
			assertThat(restarted.exit()).as(restarted.output()).isNotZero();
			assertThat(restarted.output()).contains("was started with SHOP_DB_PREFIX=" + this.names);
			assertThat(databases()).doesNotContain(third + "payment_service");

			Result purged = shop(root, environment, "down", "--purge");
			assertThat(purged.exit()).as(purged.output()).isZero();
			assertThat(purged.output()).contains("dropped database and role " + ours);
			assertThat(databases()).contains(theirs).doesNotContain(ours);
		}
		finally {
			shop(root, environment, "down", "--purge");
			sql("DROP DATABASE IF EXISTS " + theirs);
			sql("DROP DATABASE IF EXISTS " + third + "payment_service");
			sql("DROP ROLE IF EXISTS " + third + "payment_service");
			// left behind only when the shop under test broke the record
			sql("DROP DATABASE IF EXISTS " + ours);
			sql("DROP ROLE IF EXISTS " + ours);
		}
	}

	/**
	 * JDK 25's AOT cache: a start leaves the service running as before and makes the
	 * cache in the background (a training run without the agent, which JDK 25.0.3 cannot
	 * record with; a down meanwhile stops it, and the next start makes it again); the
	 * start after it maps it, and the OpenTelemetry agent still makes its spans from the
	 * classes the cache holds: the server span of ./shop's readiness probe (Tomcat) and
	 * Flyway's statements (JDBC), printed by the agent's logging exporter.
	 */
	@Test
	void aSecondStartMapsTheAotCacheTheFirstOneMadeAndTheAgentStillMakesItsSpans() throws Exception {
		assumeTrue(Runtime.version().feature() >= 25, "JDK 25's AOT cache (./shop uses the build's JDK)");
		Path root = Path.of(System.getProperty("e2e.repoRoot", "..")).toAbsolutePath().normalize();
		assumeTrue(hasJar(root.resolve("payment-service/target")),
				"needs payment-service's jar (./mvnw verify packages it before this module's tests)");
		Path table = this.temp.resolve("services");
		Files.writeString(table, "payment-service payment-service 4 db,rabbit -\n");
		Path state = this.temp.resolve("state");
		Map<String, String> environment = isolated(this.names, "SHOP_STATE_DIR", state.toString(), "SHOP_SERVICES_FILE",
				table.toString(), "SHOP_AOT", "auto", "SHOP_OTEL_AGENT", "on", "OTEL_TRACES_EXPORTER", "logging",
				"OTEL_BSP_SCHEDULE_DELAY", "100");
		Path app = state.resolve("app/payment-service");
		try {
			Result first = shop(root, environment, "up", "--no-build");
			assertThat(first.exit()).as(first.output()).isZero();
			assertThat(first.output()).contains("making the AOT cache of payment-service in the background");
			// stopped while it makes the cache: not taken for a failed training, made
			// again
			assertThat(shop(root, environment, "down").exit()).isZero();
			assertThat(files(app)).noneMatch((name) -> name.endsWith(".failed") || name.contains(".part"));
			Result again = shop(root, environment, "up", "--no-build");
			assertThat(again.exit()).as(again.output()).isZero();
			assertThat(again.output()).contains("making the AOT cache of payment-service in the background");
			Path cache = await().atMost(Duration.ofMinutes(4))
				.ignoreExceptions()
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> isRunning(state.resolve("pids/payment-service-aot.pid")) ? Optional.<Path>empty()
						: aotCache(app), Optional::isPresent)
				.orElseThrow();
			assertThat(shop(root, environment, "down").exit()).isZero();

			Result second = shop(root, environment, "up", "--no-build");
			assertThat(second.exit()).as(second.output()).isZero();
			assertThat(second.output()).doesNotContain("making the AOT cache");
			String pid = Files.readString(state.resolve("pids/payment-service.pid")).strip();
			assertThat(Files.readString(Path.of("/proc", pid, "maps"))).as("the JVM maps the cache")
				.contains(cache.toString());
			String log = Files.readString(state.resolve("logs/payment-service.log"));
			String secondStart = log.substring(log.lastIndexOf("./shop starts payment-service"));
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				String lines = Files.readString(state.resolve("logs/payment-service.log"));
				String since = lines.substring(lines.lastIndexOf("./shop starts payment-service"));
				assertThat(since).contains("SERVER [tracer: io.opentelemetry.tomcat")
					.contains("CLIENT [tracer: io.opentelemetry.jdbc");
			});
			assertThat(secondStart).doesNotContain("[error][aot]");
		}
		finally {
			shop(root, environment, "down", "--purge");
		}
	}

	private static Optional<Path> aotCache(Path app) throws IOException {
		if (!Files.isDirectory(app)) {
			return Optional.empty();
		}
		try (var files = Files.list(app)) {
			return files.filter((file) -> file.getFileName().toString().matches("payment-service-[0-9]+\\.aot"))
				.findFirst();
		}
	}

	private static List<String> files(Path directory) throws IOException {
		try (var files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString()).toList();
		}
	}

	private static boolean isRunning(Path pidFile) throws IOException {
		return Files.exists(pidFile) && Files.exists(Path.of("/proc", Files.readString(pidFile).strip()));
	}

	/**
	 * The environment of a shop of this test's own: its state, ports, database prefix,
	 * vhost and Redis key prefix, no agent, traces, metrics or AOT cache; never the
	 * default shop's.
	 */
	private static Map<String, String> isolated(String names, String... more) {
		Map<String, String> environment = new HashMap<>(
				Map.of("SHOP_PORT_BASE", Integer.toString(PORT_BASE), "SHOP_DB_PREFIX", names, "SHOP_RABBIT_VHOST",
						"shopfront_" + names, "SHOP_REDIS_PREFIX", names + ":", "SHOP_TRACES", "off", "SHOP_METRICS",
						"off", "SHOP_OTEL_AGENT", "off", "SHOP_CDS", "off", "SHOP_AOT", "off"));
		for (int i = 0; i < more.length; i += 2) {
			environment.put(more[i], more[i + 1]);
		}
		return environment;
	}

	private static Connection admin() throws SQLException {
		return DriverManager.getConnection(
				"jdbc:postgresql://" + System.getenv().getOrDefault("SHOP_PG_HOST", "127.0.0.1") + ":"
						+ System.getenv().getOrDefault("SHOP_PG_PORT", "5432") + "/postgres",
				System.getenv().getOrDefault("SHOP_PG_SUPERUSER", "postgres"), "");
	}

	private static void sql(String statement) throws SQLException {
		try (Connection connection = admin(); Statement sql = connection.createStatement()) {
			sql.execute(statement);
		}
	}

	private static List<String> databases() throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection connection = admin();
				ResultSet rows = connection.createStatement().executeQuery("SELECT datname FROM pg_database")) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		return names;
	}

	/** A module directory whose target holds a copy of the jar, modified at the time. */
	private Path checkout(String name, Path jar, Instant modified) throws IOException {
		Path target = Files.createDirectories(this.temp.resolve(name).resolve("target"));
		Path copy = Files.copy(jar, target.resolve(jar.getFileName()));
		Files.setLastModifiedTime(copy, FileTime.from(modified));
		return target.getParent();
	}

	private static Optional<Path> paymentJar(Path target) throws IOException {
		if (!Files.isDirectory(target)) {
			return Optional.empty();
		}
		try (var files = Files.list(target)) {
			return files.filter((file) -> file.getFileName().toString().matches("payment-service-.*[0-9T]\\.jar"))
				.findFirst();
		}
	}

	private static boolean hasJar(Path target) throws IOException {
		if (!Files.isDirectory(target)) {
			return false;
		}
		try (var files = Files.list(target)) {
			return files.anyMatch((file) -> file.getFileName().toString().matches("payment-service-.*[0-9T]\\.jar"));
		}
	}

	private static Result shop(Path root, Map<String, String> environment, String... arguments) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(root.resolve("shop").toString());
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
			.redirectErrorStream(true)
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		builder.environment().keySet().removeIf((key) -> key.startsWith("SHOP_"));
		builder.environment().putAll(environment);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("./shop " + String.join(" ", arguments) + " did not end: " + output);
		}
		System.out.println(output);
		return new Result(process.exitValue(), output);
	}

	private record Result(int exit, String output) {
	}

}
