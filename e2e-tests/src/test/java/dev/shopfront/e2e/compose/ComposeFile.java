package dev.shopfront.e2e.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docker-compose.yml} as Compose reads it: YAML anchors and merge keys resolved,
 * {@code ${VAR:-default}} replaced by the default (what a plain {@code docker compose up}
 * without {@code .env} gives).
 */
final class ComposeFile {

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");

	private final String text;

	private final Map<String, Map<String, Object>> services;

	private ComposeFile(String text, Map<String, Map<String, Object>> services) {
		this.text = text;
		this.services = services;
	}

	@SuppressWarnings("unchecked")
	static ComposeFile read(Path file) {
		try {
			String text = Files.readString(file);
			String interpolated = VARIABLE.matcher(text)
				.replaceAll((match) -> Matcher.quoteReplacement((match.group(2) != null) ? match.group(2) : ""))
				.replace("$$", "$");
			LoaderOptions options = new LoaderOptions();
			options.setMaxAliasesForCollections(500);
			Map<String, Object> root = new Yaml(new SafeConstructor(options)).load(interpolated);
			return new ComposeFile(text, (Map<String, Map<String, Object>>) root.get("services"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The services built from this repository (the Java services), in file order. */
	List<String> builtServices() {
		return this.services.entrySet()
			.stream()
			.filter((service) -> service.getValue().containsKey("build") && !service.getValue().containsKey("profiles"))
			.map(Map.Entry::getKey)
			.toList();
	}

	/**
	 * The services built from this repository that only a profile starts, in file order.
	 * @param profile the profile, e.g. {@code migration}
	 * @return their names
	 */
	@SuppressWarnings("unchecked")
	List<String> builtServices(String profile) {
		return this.services.entrySet()
			.stream()
			.filter((service) -> service.getValue().containsKey("build")
					&& ((List<Object>) service.getValue().getOrDefault("profiles", List.of())).contains(profile))
			.map(Map.Entry::getKey)
			.toList();
	}

	/**
	 * A service's command, as a list.
	 * @param service the service
	 * @return its command, empty when it has none
	 */
	@SuppressWarnings("unchecked")
	List<String> command(String service) {
		Object command = this.services.get(service).get("command");
		return (command instanceof List<?> list) ? ((List<Object>) list).stream().map(String::valueOf).toList()
				: List.of();
	}

	boolean has(String service) {
		return this.services.containsKey(service);
	}

	Map<String, String> environment(String service) {
		Map<String, String> environment = new LinkedHashMap<>();
		Object declared = section(service, "environment");
		if (declared instanceof Map<?, ?> map) {
			map.forEach((key, value) -> environment.put(String.valueOf(key), (value != null) ? value.toString() : ""));
		}
		return environment;
	}

	/** A named volume or host path mounted into a container. */
	record Mount(String source, String target) {
	}

	/** The volume mounted at {@code path} in the service, if any. */
	Optional<String> volumeAt(String service, String path) {
		return mounts(service).stream().filter((mount) -> mount.target().equals(path)).map(Mount::source).findFirst();
	}

	/** Where the service mounts the volume, if it does. */
	Optional<String> mountOf(String service, String volume) {
		return mounts(service).stream().filter((mount) -> mount.source().equals(volume)).map(Mount::target).findFirst();
	}

	List<Mount> mounts(String service) {
		List<Mount> mounts = new ArrayList<>();
		if (section(service, "volumes") instanceof List<?> list) {
			for (Object volume : list) {
				String[] parts = String.valueOf(volume).split(":");
				if (parts.length >= 2) {
					mounts.add(new Mount(parts[0], parts[1]));
				}
			}
		}
		return mounts;
	}

	/** The services this one waits for, each with its condition. */
	Map<String, String> dependsOn(String service) {
		Map<String, String> dependencies = new LinkedHashMap<>();
		if (section(service, "depends_on") instanceof Map<?, ?> map) {
			map.forEach((name, condition) -> dependencies.put(String.valueOf(name),
					(condition instanceof Map<?, ?> c) ? String.valueOf(c.get("condition")) : "service_started"));
		}
		return dependencies;
	}

	List<String> healthcheck(String service) {
		List<String> test = new ArrayList<>();
		if (section(service, "healthcheck") instanceof Map<?, ?> check && check.get("test") instanceof List<?> list) {
			list.forEach((word) -> test.add(String.valueOf(word)));
		}
		return test;
	}

	List<String> publishedPorts(String service) {
		List<String> ports = new ArrayList<>();
		if (section(service, "ports") instanceof List<?> list) {
			list.forEach((port) -> ports.add(String.valueOf(port)));
		}
		return ports;
	}

	Object section(String service, String key) {
		Map<String, Object> definition = this.services.get(service);
		return (definition != null) ? definition.get(key) : null;
	}

	/**
	 * The names of the {@code ${VARIABLES}} the file reads from the environment or
	 * {@code .env}.
	 */
	Set<String> variables() {
		Set<String> names = new TreeSet<>();
		Matcher matcher = VARIABLE.matcher(this.text.replace("$$", ""));
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

}
