package dev.shopfront.testsupport;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/**
 * Where tests find PostgreSQL and RabbitMQ: containers when a Docker engine answers, the
 * local servers otherwise ({@code SHOPFRONT_TEST_SERVERS=docker|local} forces one). Hands
 * out fresh databases and virtual hosts named {@code sft_<epoch>_<random>}, and sweeps
 * those left over by runs that died more than six hours ago.
 */
public final class TestServers {

	private static final Logger log = LoggerFactory.getLogger(TestServers.class);

	private static final String PREFIX = "sft_";

	private static final Duration LEFTOVER_AGE = Duration.ofHours(6);

	private final Backend backend;

	private TestServers(Backend backend) {
		this.backend = backend;
		sweepLeftovers();
	}

	/**
	 * The servers of this JVM, started or found on first use.
	 * @return the servers
	 */
	public static TestServers get() {
		return Holder.INSTANCE;
	}

	/**
	 * Whether the servers are containers.
	 * @return true with Testcontainers, false with the local servers
	 */
	public boolean containers() {
		return this.backend instanceof Containers;
	}

	/**
	 * Creates an empty database for one test context.
	 * @return the database, with owner credentials
	 */
	public TestDatabase createDatabase() {
		String name = newName();
		execute(this.backend.adminUrl(), "create database " + name);
		return new TestDatabase(name, this.backend.jdbcUrl(name), this.backend.pgUser(), this.backend.pgPassword(),
				this.backend.adminUrl());
	}

	/**
	 * Drops a database made by {@link #createDatabase()}, ending its open connections.
	 * @param database the database
	 */
	public void dropDatabase(TestDatabase database) {
		execute(this.backend.adminUrl(), "drop database if exists " + database.name() + " with (force)");
	}

	/**
	 * Creates an empty RabbitMQ virtual host for one test context.
	 * @return the broker coordinates with that virtual host
	 */
	public TestBroker createVirtualHost() {
		String vhost = newName();
		this.backend.rabbitctl("add_vhost", vhost);
		this.backend.rabbitctl("set_permissions", "-p", vhost, this.backend.rabbitUser(), ".*", ".*", ".*");
		return new TestBroker(this.backend.rabbitHost(), this.backend.rabbitPort(), this.backend.rabbitUser(),
				this.backend.rabbitPassword(), vhost);
	}

	/**
	 * Deletes a virtual host made by {@link #createVirtualHost()}, with its queues.
	 * @param broker the broker coordinates
	 */
	public void deleteVirtualHost(TestBroker broker) {
		this.backend.rabbitctl("delete_vhost", broker.virtualHost());
	}

	private static String newName() {
		return PREFIX + Instant.now().getEpochSecond() + "_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
	}

	private static boolean leftover(String name) {
		if (!name.startsWith(PREFIX)) {
			return false;
		}
		String[] parts = name.split("_");
		try {
			Instant created = Instant.ofEpochSecond(Long.parseLong(parts[1]));
			return created.isBefore(Instant.now().minus(LEFTOVER_AGE));
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private void sweepLeftovers() {
		try (Connection connection = DriverManager.getConnection(this.backend.adminUrl(), this.backend.pgUser(),
				this.backend.pgPassword());
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("select datname from pg_database where datname like 'sft\\_%'")) {
			List<String> old = new ArrayList<>();
			while (rows.next()) {
				if (leftover(rows.getString(1))) {
					old.add(rows.getString(1));
				}
			}
			for (String name : old) {
				statement.execute("drop database if exists " + name + " with (force)");
				log.info("Dropped leftover test database {}", name);
			}
		}
		catch (SQLException ex) {
			log.warn("Could not sweep leftover test databases: {}", ex.getMessage());
		}
		try {
			for (String vhost : this.backend.rabbitctl("list_vhosts", "--silent").split("\\R")) {
				if (leftover(vhost.trim())) {
					this.backend.rabbitctl("delete_vhost", vhost.trim());
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not sweep leftover test virtual hosts: {}", ex.getMessage());
		}
	}

	private void execute(String url, String sql) {
		try (Connection connection = DriverManager.getConnection(url, this.backend.pgUser(), this.backend.pgPassword());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL refused '" + sql + "': " + ex.getMessage(), ex);
		}
	}

	private static Backend chooseBackend() {
		String choice = System.getenv().getOrDefault("SHOPFRONT_TEST_SERVERS", "auto").toLowerCase(Locale.ROOT);
		boolean docker = switch (choice) {
			case "docker" -> true;
			case "local" -> false;
			default -> dockerAvailable();
		};
		if (docker) {
			log.info("Tests use PostgreSQL and RabbitMQ in Testcontainers");
			return new Containers();
		}
		Local local = new Local();
		log.info("No Docker engine: tests use the local servers (PostgreSQL {}, RabbitMQ {}:{})", local.adminUrl(),
				local.rabbitHost(), local.rabbitPort());
		return local;
	}

	private static boolean dockerAvailable() {
		boolean hint = System.getenv("DOCKER_HOST") != null
				|| java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
				|| java.nio.file.Files
					.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".testcontainers.properties"))
				|| java.nio.file.Files
					.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
		if (!hint) {
			// nothing that could be a Docker engine: skip Testcontainers' noisy probe
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private interface Backend {

		String adminUrl();

		String jdbcUrl(String database);

		String pgUser();

		String pgPassword();

		String rabbitHost();

		int rabbitPort();

		String rabbitUser();

		String rabbitPassword();

		String rabbitctl(String... args);

	}

	/** The servers on this machine, as ../shared/MACHINE.md describes them. */
	private static final class Local implements Backend {

		private final String host = env("SHOPFRONT_TEST_PG_HOST", "127.0.0.1");

		private final String port = env("SHOPFRONT_TEST_PG_PORT", "5432");

		@Override
		public String adminUrl() {
			return jdbcUrl(env("SHOPFRONT_TEST_PG_ADMIN_DATABASE", "postgres"));
		}

		@Override
		public String jdbcUrl(String database) {
			return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + database;
		}

		@Override
		public String pgUser() {
			return env("SHOPFRONT_TEST_PG_USER", "postgres");
		}

		@Override
		public String pgPassword() {
			return env("SHOPFRONT_TEST_PG_PASSWORD", "");
		}

		@Override
		public String rabbitHost() {
			return env("SHOPFRONT_TEST_RABBIT_HOST", "127.0.0.1");
		}

		@Override
		public int rabbitPort() {
			return Integer.parseInt(env("SHOPFRONT_TEST_RABBIT_PORT", "5672"));
		}

		@Override
		public String rabbitUser() {
			return env("SHOPFRONT_TEST_RABBIT_USER", "guest");
		}

		@Override
		public String rabbitPassword() {
			return env("SHOPFRONT_TEST_RABBIT_PASSWORD", "guest");
		}

		@Override
		public String rabbitctl(String... args) {
			List<String> command = new ArrayList<>();
			command.add(env("SHOPFRONT_TEST_RABBITMQCTL", "rabbitmqctl"));
			command.addAll(List.of(args));
			try {
				Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
				String output = new String(process.getInputStream().readAllBytes());
				if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
					throw new IllegalStateException("rabbitmqctl " + String.join(" ", args) + " failed: " + output);
				}
				return output;
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot run rabbitmqctl (set SHOPFRONT_TEST_RABBITMQCTL)", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private static String env(String name, String fallback) {
			String value = System.getenv(name);
			return (value == null || value.isBlank()) ? fallback : value;
		}

	}

	/** PostgreSQL and RabbitMQ in containers, started once per JVM. */
	private static final class Containers implements Backend {

		private final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:15-alpine");

		private final RabbitMQContainer rabbit = new RabbitMQContainer("rabbitmq:4-management-alpine");

		Containers() {
			this.postgres.start();
			this.rabbit.start();
		}

		@Override
		public String adminUrl() {
			return this.postgres.getJdbcUrl();
		}

		@Override
		public String jdbcUrl(String database) {
			return "jdbc:postgresql://" + this.postgres.getHost() + ":" + this.postgres.getMappedPort(5432) + "/"
					+ database;
		}

		@Override
		public String pgUser() {
			return this.postgres.getUsername();
		}

		@Override
		public String pgPassword() {
			return this.postgres.getPassword();
		}

		@Override
		public String rabbitHost() {
			return this.rabbit.getHost();
		}

		@Override
		public int rabbitPort() {
			return this.rabbit.getAmqpPort();
		}

		@Override
		public String rabbitUser() {
			return this.rabbit.getAdminUsername();
		}

		@Override
		public String rabbitPassword() {
			return this.rabbit.getAdminPassword();
		}

		@Override
		public String rabbitctl(String... args) {
			String[] command = new String[args.length + 1];
			command[0] = "rabbitmqctl";
			System.arraycopy(args, 0, command, 1, args.length);
			try {
				var result = this.rabbit.execInContainer(command);
				if (result.getExitCode() != 0) {
					throw new IllegalStateException("rabbitmqctl failed: " + result.getStderr());
				}
				return result.getStdout();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * Made on the first {@link #get()}, once per JVM (the class initialisation is the
	 * lock).
	 */
	private static final class Holder {

		static final TestServers INSTANCE = new TestServers(chooseBackend());

	}

}
