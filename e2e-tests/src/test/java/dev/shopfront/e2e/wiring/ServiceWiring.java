package dev.shopfront.e2e.wiring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.shopfront.e2e.compose.ShopRunner;
import org.yaml.snakeyaml.Yaml;

/**
 * Who depends on whom among the services, read from their real wiring, and the seed's
 * dependency-counting table made from it:
 * <ul>
 * <li>REST: the addresses {@code ./shop env} gives a service of another service (the
 * order saga's inventory and user-service clients; every service's token keys, fetched
 * from user-service).</li>
 * <li>Messages: every {@code MessageConsumer.of(queue, exchange)} in a service's code,
 * with the exchange's sender from the AsyncAPI document ({@code docs/events}). A
 * subscriber depends on the service that publishes events; a service that sends commands
 * depends on the one that takes them.</li>
 * </ul>
 * The entry point (the gateway) is left out: it depends on every service by design.
 */
final class ServiceWiring {

	private static final Pattern CONSUMER = Pattern
		.compile("MessageConsumer\\.of\\(\\s*([A-Za-z0-9_.\"-]+)\\s*,\\s*([A-Za-z0-9_.\"-]+)\\s*\\)");

	private static final Pattern OPERATION = Pattern.compile("^([a-z-]+) (publishes|sends) ");

	private final Path root;

	private final List<ShopRunner.Service> services;

	private final ShopRunner shop;

	ServiceWiring(Path root, Path stateDir) {
		this.root = root;
		this.shop = new ShopRunner(root, stateDir);
		this.services = this.shop.services()
			.stream()
			.filter((service) -> !service.needs().contains("upstreams"))
			.toList();
	}

	/**
	 * One dependency: {@code from} needs {@code to}.
	 *
	 * @param from the dependent service
	 * @param to the service it depends on
	 * @param kind {@code REST}, {@code token keys}, {@code events} or {@code commands}
	 * @param via what carries it (a variable, an exchange and queue)
	 */
	record Dependency(String from, String to, String kind, String via) {
	}

	/**
	 * Every dependency, in a stable order.
	 * @return the dependencies
	 */
	List<Dependency> dependencies() {
		List<Dependency> found = new ArrayList<>();
		found.addAll(restDependencies());
		found.addAll(messageDependencies());
		found.sort(java.util.Comparator.comparing(Dependency::from)
			.thenComparing(Dependency::to)
			.thenComparing(Dependency::kind)
			.thenComparing(Dependency::via));
		return found;
	}

	private List<Dependency> restDependencies() {
		List<Dependency> found = new ArrayList<>();
		for (ShopRunner.Service service : this.services) {
			Map<String, String> environment = this.shop.environment(service.name());
			for (ShopRunner.Service other : this.services) {
				if (other.equals(service)) {
					continue;
				}
				environment.forEach((key, value) -> {
					if (value.contains("localhost:" + other.port()) || value.contains("127.0.0.1:" + other.port())) {
						String kind = key.equals("SHOPFRONT_CHASSIS_SECURITY_JWK_SET_URI") ? "token keys" : "REST";
						found.add(new Dependency(service.name(), other.name(), kind, key));
					}
				});
			}
		}
		return found;
	}

	private List<Dependency> messageDependencies() {
		Map<String, Sender> senders = senders();
		List<Dependency> found = new ArrayList<>();
		for (ShopRunner.Service service : this.services) {
			Path sources = this.root.resolve(service.module()).resolve("src/main/java");
			for (Path file : javaFiles(sources)) {
				String text = read(file);
				Matcher consumer = CONSUMER.matcher(text);
				while (consumer.find()) {
					String queue = resolve(consumer.group(1), file, sources);
					String exchange = resolve(consumer.group(2), file, sources);
					Sender sender = senders.get(exchange);
					if (sender == null) {
						throw new IllegalStateException(service.name() + " reads exchange " + exchange + " (" + file
								+ ") that no send operation of docs/events/asyncapi.yaml names");
					}
					if (sender.service().equals(service.name()) || !known(sender.service())) {
						continue; // its own messages, or an application that is not a
									// service
					}
					String via = exchange + " (queue " + queue + ")";
					found.add(sender.commands() ? new Dependency(sender.service(), service.name(), "commands", via)
							: new Dependency(service.name(), sender.service(), "events", via));
				}
			}
		}
		return found;
	}

	/**
	 * Message subscriptions of the services to applications that are not services (the
	 * migration's), listed but not counted.
	 * @return readable lines
	 */
	List<String> subscriptionsOutsideTheServices() {
		Map<String, Sender> senders = senders();
		List<String> lines = new ArrayList<>();
		for (ShopRunner.Service service : this.services) {
			Path sources = this.root.resolve(service.module()).resolve("src/main/java");
			for (Path file : javaFiles(sources)) {
				Matcher consumer = CONSUMER.matcher(read(file));
				while (consumer.find()) {
					String exchange = resolve(consumer.group(2), file, sources);
					Sender sender = senders.get(exchange);
					if (sender != null && !known(sender.service())) {
						lines.add(service.name() + " reads " + exchange + " from " + sender.service());
					}
				}
			}
		}
		return lines.stream().sorted().toList();
	}

	private boolean known(String name) {
		return this.services.stream().anyMatch((service) -> service.name().equals(name));
	}

	/** The sender of each exchange, from the AsyncAPI document's send operations. */
	@SuppressWarnings("unchecked")
	private Map<String, Sender> senders() {
		Map<String, Object> document = new Yaml().load(read(this.root.resolve("docs/events/asyncapi.yaml")));
		Map<String, Object> channels = (Map<String, Object>) document.get("channels");
		Map<String, Object> components = (Map<String, Object>) document.get("components");
		Map<String, Object> bindings = (Map<String, Object>) components.get("channelBindings");
		Map<String, Sender> senders = new TreeMap<>();
		((Map<String, Object>) document.get("operations")).values().forEach((value) -> {
			Map<String, Object> operation = (Map<String, Object>) value;
			if (!"send".equals(operation.get("action"))) {
				return;
			}
			Matcher title = OPERATION.matcher(String.valueOf(operation.get("title")));
			if (!title.find()) {
				throw new IllegalStateException("A send operation's title names no sender: " + operation.get("title"));
			}
			String channelRef = (String) ((Map<String, Object>) operation.get("channel")).get("$ref");
			Map<String, Object> channel = (Map<String, Object>) channels
				.get(channelRef.substring(channelRef.lastIndexOf('/') + 1));
			String bindingRef = (String) ((Map<String, Object>) channel.get("bindings")).get("$ref");
			Map<String, Object> binding = (Map<String, Object>) bindings
				.get(bindingRef.substring(bindingRef.lastIndexOf('/') + 1));
			String exchange = (String) ((Map<String, Object>) ((Map<String, Object>) binding.get("amqp"))
				.get("exchange")).get("name");
			senders.put(exchange, new Sender(title.group(1), "sends".equals(title.group(2))));
		});
		return senders;
	}

	private record Sender(String service, boolean commands) {
	}

	/** A string literal, a constant of the same file, or {@code Class.CONSTANT}. */
	private static String resolve(String expression, Path file, Path sources) {
		if (expression.startsWith("\"")) {
			return expression.substring(1, expression.length() - 1);
		}
		Path holder = file;
		String name = expression;
		int dot = expression.lastIndexOf('.');
		if (dot > 0) {
			String type = expression.substring(0, dot);
			name = expression.substring(dot + 1);
			holder = javaFiles(sources).stream()
				.filter((candidate) -> candidate.getFileName().toString().equals(type + ".java"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No " + type + ".java for " + expression));
		}
		Matcher constant = Pattern.compile("String\\s+" + Pattern.quote(name) + "\\s*=\\s*\"([^\"]+)\"")
			.matcher(read(holder));
		if (!constant.find()) {
			throw new IllegalStateException("Cannot resolve " + expression + " in " + holder);
		}
		return constant.group(1);
	}

	private static List<Path> javaFiles(Path sources) {
		try (Stream<Path> files = Files.walk(sources)) {
			return files.filter((file) -> file.toString().endsWith(".java")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The seed's table: per service, how many others depend on it and how many it depends
	 * on, and what that makes of extracting it.
	 * @param dependencies the dependencies
	 * @return rows by service, in the service table's order
	 */
	Map<String, Row> table(List<Dependency> dependencies) {
		Map<String, Row> rows = new LinkedHashMap<>();
		for (ShopRunner.Service service : this.services) {
			Set<String> in = new TreeSet<>();
			Set<String> out = new TreeSet<>();
			for (Dependency dependency : dependencies) {
				if (dependency.to().equals(service.name())) {
					in.add(dependency.from());
				}
				if (dependency.from().equals(service.name())) {
					out.add(dependency.to());
				}
			}
			rows.put(service.name(), new Row(in.size(), out.size(), difficulty(in.size(), out.size())));
		}
		return rows;
	}

	/**
	 * The seed's reading of the counts: nothing depends on it, easy; many depend on it
	 * (three or more), or it depends on many and something depends on it, hard; medium
	 * otherwise.
	 */
	static String difficulty(int in, int out) {
		if (in == 0) {
			return "Easy (nothing depends on it)";
		}
		if (in >= 3) {
			return "Hard (many depend on it)";
		}
		if (out >= 3) {
			return "Hard (depends on many, and is depended on)";
		}
		return "Medium";
	}

	/**
	 * One row of the table.
	 *
	 * @param in services that depend on it
	 * @param out services it depends on
	 * @param difficulty the extraction difficulty that follows
	 */
	record Row(int in, int out, String difficulty) {
	}

	/**
	 * The document, {@code docs/dependencies.md}.
	 * @return its text
	 */
	String document() {
		List<Dependency> dependencies = dependencies();
		StringBuilder text = new StringBuilder();
		text.append("# Dependency counting\n\n");
		text.append("""
				Generated from the services' real wiring by `DependencyTableIntegrationTests` (e2e-tests), which
				fails when this file and the code disagree; `-Dshopfront.docs.update=true` rewrites it. As the
				story this project is modelled on counted the monolith's modules before strangling them: for every
				service, how many other services depend on it (*in*) and how many it depends on (*out*). Few
				inbound dependencies make a service easy to move or change alone; many make it hard.

				What counts as a dependency: an address of another service in its environment (`./shop env`: a
				REST client, or the token keys every service fetches from user-service), an exchange it subscribes
				to (`MessageConsumer.of(queue, exchange)` in its code) whose events another service publishes, and
				commands it sends to another service (the AsyncAPI document, `docs/events/asyncapi.yaml`, names who
				sends to each exchange). The gateway depends on every service by design and is left out.

				""");
		text.append("| Service | Dependencies in | Dependencies out | Extraction difficulty |\n");
		text.append("|---|---:|---:|---|\n");
		table(dependencies).forEach((service, row) -> text.append("| ")
			.append(service)
			.append(" | ")
			.append(row.in())
			.append(" | ")
			.append(row.out())
			.append(" | ")
			.append(row.difficulty())
			.append(" |\n"));
		text.append("\nDifficulty: nothing depends on it: easy; three or more depend on it, or it depends on three or\n"
				+ "more and something depends on it: hard; otherwise medium.\n\n");
		text.append("## Who depends on whom\n\n");
		text.append("| Service | Depends on | Through | Via |\n|---|---|---|---|\n");
		for (Dependency dependency : dependencies) {
			text.append("| ")
				.append(dependency.from())
				.append(" | ")
				.append(dependency.to())
				.append(" | ")
				.append(dependency.kind())
				.append(" | `")
				.append(dependency.via())
				.append("` |\n");
		}
		List<String> outside = subscriptionsOutsideTheServices();
		if (!outside.isEmpty()) {
			text.append("\nNot counted (applications that are not services, see docs/migration.md):\n\n");
			outside.forEach((line) -> text.append("- ").append(line).append('\n'));
		}
		return text.toString();
	}

}
