package dev.shopfront.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A PostgreSQL server with logical decoding ({@code wal_level=logical}), which change
 * data capture needs and the machine's shared server does not have: a container when the
 * tests use containers ({@link TestServers#containers()}), otherwise a private cluster
 * made with {@code initdb} and run with {@code pg_ctl} in a temporary directory on a free
 * port, stopped and removed when the JVM ends. Started once per JVM, on first use; hands
 * out one fresh database per call, like {@link TestServers#createDatabase()}.
 */
public final class LogicalPostgres {

	private static final Logger log = LoggerFactory.getLogger(LogicalPostgres.class);

	private final String host;

	private final int port;

	private final String user;

	private final String password;

	private LogicalPostgres(String host, int port, String user, String password) {
		this.host = host;
		this.port = port;
		this.user = user;
		this.password = password;
	}

	/**
	 * The server of this JVM, started on first use.
	 * @return the server
	 */
	public static LogicalPostgres get() {
		return Holder.INSTANCE;
	}

	/**
	 * Creates an empty database on this server.
	 * @return the database, with superuser credentials (Debezium needs the replication
	 * privilege)
	 */
	public TestDatabase createDatabase() {
		String name = "sft_cdc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		String admin = url("postgres");
		try (Connection connection = DriverManager.getConnection(admin, this.user, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create a database on the logical-decoding server", ex);
		}
		return new TestDatabase(name, url(name), this.user, this.password, admin);
	}

	/**
	 * The server's host.
	 * @return the host
	 */
	public String host() {
		return this.host;
	}

	/**
	 * The server's port.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	private String url(String database) {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + database;
	}

	private static LogicalPostgres start() {
		if (TestServers.get().containers()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine").withCommand("postgres", "-c",
					"wal_level=logical", "-c", "max_wal_senders=10", "-c", "max_replication_slots=10");
			container.start();
			return new LogicalPostgres(container.getHost(), container.getMappedPort(5432), container.getUsername(),
					container.getPassword());
		}
		return PrivateCluster.start();
	}

	private static final class Holder {

		static final LogicalPostgres INSTANCE = start();

	}

	/**
	 * A cluster of this JVM's own, in a temporary directory. As root, PostgreSQL's tools
	 * run as the {@code postgres} user (initdb refuses root).
	 */
	private static final class PrivateCluster {

		static LogicalPostgres start() {
			try {
				Path directory = Files.createTempDirectory("shopfront-logical-pg-");
				Path data = directory.resolve("data");
				boolean root = "root".equals(System.getProperty("user.name"));
				if (root) {
					run(List.of("chown", "postgres", directory.toString()));
				}
				run(asServerUser(root, "initdb", "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
						"--locale=C"));
				int port = freePort();
				String options = String.join(" ", "-p " + port, "-c listen_addresses=127.0.0.1",
						"-c unix_socket_directories=" + directory, "-c wal_level=logical", "-c max_wal_senders=10",
						"-c max_replication_slots=10", "-c max_connections=30", "-c shared_buffers=32MB",
						"-c fsync=off", "-c synchronous_commit=off");
				run(asServerUser(root, "pg_ctl", "-D", data.toString(), "-o", options, "-l",
						directory.resolve("server.log").toString(), "-w", "-t", "60", "start"));
				Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(root, directory, data)));
				log.info("Logical-decoding PostgreSQL: a private cluster on 127.0.0.1:{} in {}", port, directory);
				return new LogicalPostgres("127.0.0.1", port, "postgres", "");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static void stop(boolean root, Path directory, Path data) {
			try {
				run(asServerUser(root, "pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop"));
			}
			catch (RuntimeException ex) {
				log.warn("Could not stop the private cluster in {}: {}", directory, ex.getMessage());
			}
			try (Stream<Path> files = Files.walk(directory)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
			catch (IOException ex) {
				// a temporary directory: the machine clears it
			}
		}

		private static List<String> asServerUser(boolean root, String... command) {
			List<String> line = new ArrayList<>();
			if (root) {
				line.addAll(List.of("runuser", "-u", "postgres", "--"));
			}
			line.addAll(List.of(command));
			return line;
		}

		/**
		 * A free port below the ephemeral range (32768 and up), where clients' own ports
		 * cannot take it between this check and the server's start.
		 */
		private static int freePort() throws IOException {
			for (int attempt = 0; attempt < 50; attempt++) {
				int candidate = ThreadLocalRandom.current().nextInt(20_000, 30_000);
				try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
					return candidate;
				}
				catch (IOException taken) {
					// try another
				}
			}
			throw new IOException("No free port between 20000 and 30000");
		}

		private static void run(List<String> command) {
			try {
				Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
				String output = new String(process.getInputStream().readAllBytes());
				if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
					throw new IllegalStateException(
							String.join(" ", command).toLowerCase(Locale.ROOT) + " failed: " + output);
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot run " + command.get(0)
						+ " (initdb and pg_ctl must be on the PATH for a logical-decoding PostgreSQL)", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
