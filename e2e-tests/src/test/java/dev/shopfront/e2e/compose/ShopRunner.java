package dev.shopfront.e2e.compose;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What {@code ./shop} runs: its service table ({@code shop.d/services}) and the
 * environment it gives each service ({@code ./shop env SERVICE}, secrets masked), asked
 * from the runner itself in a state directory of its own, so a running shop is never
 * touched.
 */
public final class ShopRunner {

	/** One line of {@code shop.d/services}. */
	public record Service(String name, String module, int offset, Set<String> needs) {

		public int port() {
			return 8080 + this.offset;
		}

		int managementPort() {
			return 9080 + this.offset;
		}

	}

	private final Path root;

	private final Path stateDir;

	public ShopRunner(Path root, Path stateDir) {
		this.root = root;
		this.stateDir = stateDir;
	}

	public List<Service> services() {
		return read("shop.d/services");
	}

	/**
	 * The services {@code ./shop up --with-legacy} adds ({@code shop.d/services.legacy}).
	 * @return their lines
	 */
	public List<Service> legacyServices() {
		return read("shop.d/services.legacy");
	}

	private List<Service> read(String table) {
		try {
			List<Service> services = new ArrayList<>();
			for (String line : Files.readAllLines(this.root.resolve(table))) {
				String trimmed = line.strip();
				if (trimmed.isEmpty() || trimmed.startsWith("#")) {
					continue;
				}
				String[] columns = trimmed.split("\\s+", 5);
				services.add(new Service(columns[0], columns[1], Integer.parseInt(columns[2]),
						Set.of(columns[3].split(","))));
			}
			return services;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * {@code ./shop env SERVICE} with the default port base, prefix and vhost, traces
	 * off.
	 */
	public Map<String, String> environment(String service) {
		return environment(service, false);
	}

	/**
	 * {@code ./shop env SERVICE} as {@code ./shop up --with-legacy} gives it.
	 * @param service a service of either table
	 * @return its environment
	 */
	public Map<String, String> environmentWithLegacy(String service) {
		return environment(service, true);
	}

	private Map<String, String> environment(String service, boolean withLegacy) {
		ProcessBuilder builder = new ProcessBuilder(this.root.resolve("shop").toString(), "env", service)
			.directory(this.root.toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		Map<String, String> env = builder.environment();
		env.keySet().removeIf((key) -> key.startsWith("SHOP_") || key.startsWith("OTEL_"));
		env.put("SHOP_STATE_DIR", this.stateDir.toString());
		// telemetry off, as docker-compose.yml has it by default: ./shop's Zipkin is its
		// own
		// local trace backend, Compose's is the observability profile's OTLP endpoint
		env.put("SHOP_TRACES", "off");
		env.put("SHOP_WITH_LEGACY", withLegacy ? "on" : "off");
		try {
			Process process = builder.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("./shop env " + service + " failed: " + output);
			}
			Map<String, String> environment = new LinkedHashMap<>();
			output.lines().filter((line) -> line.contains("=")).forEach((line) -> {
				int equals = line.indexOf('=');
				environment.put(line.substring(0, equals), line.substring(equals + 1));
			});
			return environment;
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
