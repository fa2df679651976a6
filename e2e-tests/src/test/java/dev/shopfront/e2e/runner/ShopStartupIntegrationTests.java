package dev.shopfront.e2e.runner;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
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

	@Test
	void aServiceThatMakesNoProgressIsReportedWithWhy() throws Exception {
		Path root = Path.of(System.getProperty("e2e.repoRoot", "..")).toAbsolutePath().normalize();
		assumeTrue(hasJar(root.resolve("payment-service/target")),
				"needs payment-service's jar (./mvnw verify packages it before this module's tests)");
		Path table = this.temp.resolve("services");
		Files.writeString(table, "payment-service payment-service 4 - -\n");
		Map<String, String> environment = Map.of("SHOP_STATE_DIR", this.temp.resolve("state").toString(),
				"SHOP_PORT_BASE", Integer.toString(PORT_BASE), "SHOP_SERVICES_FILE", table.toString(), "SHOP_TRACES",
				"off", "SHOP_METRICS", "off", "SHOP_OTEL_AGENT", "off", "SHOP_CDS", "off", "SHOP_STALL_TIMEOUT", "8",
				"SHOP_READY_TIMEOUT", "300", "SHOP_JAVA_OPTS",
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
			shop(root, environment, "down");
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
				Map<String, String> environment = Map.of("SHOP_STATE_DIR", state.toString(), "SHOP_PORT_BASE",
						Integer.toString(PORT_BASE), "SHOP_SERVICES_FILE", table.toString(), "SHOP_TRACES", "off",
						"SHOP_METRICS", "off", "SHOP_OTEL_AGENT", "off", "SHOP_CDS", "off", "SHOP_STALL_TIMEOUT", "8",
						"SHOP_JAVA_OPTS", "-XX:+NoSuchFlagForThisTest");
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
			shop(root, Map.of("SHOP_STATE_DIR", state.toString(), "SHOP_PORT_BASE", Integer.toString(PORT_BASE)),
					"down");
		}
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
