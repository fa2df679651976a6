package dev.shopfront.e2e.compose;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The secret files {@code docker/secrets.sh} makes, made here by running the script
 * itself ({@code SECRETS_DIR} pointing at a temporary directory instead of the volumes),
 * so the tests see what the {@code secrets} container gives each consumer.
 */
final class ComposeSecrets {

	/** Where the {@code secrets} container mounts the consumers' volumes. */
	private static final String CONTAINER_DIR = "/secrets";

	private final Path dir;

	private ComposeSecrets(Path dir) {
		this.dir = dir;
	}

	static ComposeSecrets make(Path root, Path dir) {
		return make(root, dir, Map.of());
	}

	/** Runs the script with {@code environment} as the values {@code .env} would give. */
	static ComposeSecrets make(Path root, Path dir, Map<String, String> environment) {
		ProcessBuilder builder = new ProcessBuilder("sh", root.resolve("docker/secrets.sh").toString())
			.redirectErrorStream(true)
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		builder.environment().keySet().removeIf((key) -> key.startsWith("SHOP_"));
		builder.environment().putAll(environment);
		builder.environment().put("SECRETS_DIR", dir.toString());
		try {
			Process process = builder.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("docker/secrets.sh failed: " + output);
			}
			return new ComposeSecrets(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The directory, here, that holds what the service finds at its {@code configtree}
	 * ({@code SPRING_CONFIG_IMPORT}): the volume mounted there, as the {@code secrets}
	 * container fills it. Empty when the service imports no secrets.
	 */
	Path dirOf(ComposeFile compose, String service) {
		String imported = compose.environment(service).getOrDefault("SPRING_CONFIG_IMPORT", "");
		if (imported.isEmpty()) {
			return this.dir.resolve("none");
		}
		String mount = imported.replaceFirst("^optional:configtree:", "").replaceAll("/+$", "");
		String volume = compose.volumeAt(service, mount)
			.orElseThrow(() -> new IllegalStateException(service + " mounts no volume at " + mount));
		String inSecrets = compose.mountOf("secrets", volume)
			.orElseThrow(() -> new IllegalStateException("the secrets container does not fill " + volume));
		if (!inSecrets.startsWith(CONTAINER_DIR + "/")) {
			throw new IllegalStateException("the secrets container mounts " + volume + " outside " + CONTAINER_DIR);
		}
		return this.dir.resolve(inSecrets.substring(CONTAINER_DIR.length() + 1));
	}

	Set<String> filesOf(ComposeFile compose, String service) {
		return names(dirOf(compose, service));
	}

	String read(String consumer, String file) {
		try {
			return Files.readString(this.dir.resolve(consumer).resolve(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The consumers with a file holding the value (the master copy left out). */
	Set<String> consumersOf(String value) {
		Set<String> consumers = new TreeSet<>();
		try (Stream<Path> files = Files.walk(this.dir)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String consumer = this.dir.relativize(file).getName(0).toString();
				if (!consumer.equals("master") && Files.readString(file).contains(value)) {
					consumers.add(consumer);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return consumers;
	}

	private static Set<String> names(Path dir) {
		if (!Files.isDirectory(dir)) {
			return Set.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return new TreeSet<>(files.map((file) -> file.getFileName().toString()).toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
