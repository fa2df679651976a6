package dev.shopfront.e2e.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.shopfront.e2e.compose.ShopRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JVM flags of {@code shop.d/jvm}, as the JVM itself reads them in the image's order
 * ({@code common.args}, the JDK's file, the service's file; {@code ./shop} reads the
 * JDK's file last, which sets no flag the others set): each service's files start a JVM
 * of the JDK running this test, a service's own file wins over {@code common.args}, and
 * only the gateway runs C2 (with its native heap trimmed); the services stay on C1
 * (docs/runtime.md).
 */
class JvmFlagsTests {

	private static final Pattern FLAG = Pattern.compile("^\\s*\\S+\\s+(\\w+)\\s+:?=\\s+(\\S+)", Pattern.MULTILINE);

	@TempDir
	Path temp;

	@Test
	void onlyTheGatewayRunsC2AndEveryServiceGetsTheHeapOfItsOwnFile() throws Exception {
		Path root = Path.of(System.getProperty("e2e.repoRoot", "..")).toAbsolutePath().normalize();
		List<ShopRunner.Service> services = new ShopRunner(root, this.temp).services();
		assertThat(services).extracting(ShopRunner.Service::name).contains("gateway", "order-service");
		for (ShopRunner.Service service : services) {
			Map<String, String> flags = finalFlags(root, service.name());
			String tiers = service.name().equals("gateway") ? "4" : "1";
			assertThat(flags).as("%s's flags", service.name())
				.containsEntry("TieredStopAtLevel", tiers)
				.containsEntry("UseSerialGC", "true")
				.containsEntry("MaxHeapSize", Long.toString(heapOf(root, service.name()) * 1024 * 1024));
			assertThat(flags.get("TrimNativeHeapInterval")).as("%s's native heap trimming", service.name())
				.isEqualTo(service.name().equals("gateway") ? "5000" : "0");
		}
	}

	private static long heapOf(Path root, String service) throws IOException {
		Matcher matcher = Pattern.compile("(?m)^-Xmx(\\d+)m$")
			.matcher(Files.readString(root.resolve("shop.d/jvm/" + service + ".args")));
		assertThat(matcher.find()).as("-Xmx in %s.args", service).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	/**
	 * {@code java @common.args [@jdk25.args] @<service>.args -XX:+PrintFlagsFinal -version}
	 * with the JDK running this test.
	 */
	private Map<String, String> finalFlags(Path root, String service) throws Exception {
		Path jvm = root.resolve("shop.d/jvm");
		String java = ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		List<String> command = new ArrayList<>(List.of(java, "@" + jvm.resolve("common.args")));
		if (Runtime.version().feature() >= 25) {
			command.add("@" + jvm.resolve("jdk25.args"));
		}
		command.addAll(List.of("@" + jvm.resolve(service + ".args"), "-XX:+PrintFlagsFinal", "-version"));
		Path output = this.temp.resolve(service + ".flags");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s: the JVM answered", service).isTrue();
		String text = Files.readString(output, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as("%s: the JVM accepts its flags: %s", service, text).isZero();
		Map<String, String> flags = new HashMap<>();
		Matcher matcher = FLAG.matcher(text);
		while (matcher.find()) {
			flags.put(matcher.group(1), matcher.group(2));
		}
		return flags;
	}

}
