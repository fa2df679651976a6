package dev.shopfront.user;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.shopfront.testsupport.TestDatabase;
import dev.shopfront.testsupport.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the runner's own provisioning SQL ({@code shop.d/provision-database.sql}, through
 * psql as {@code ./shop} does) for user_service and a second service, and proves that
 * neither role can open the other's database.
 */
class DatabaseIsolationIntegrationTests {

	private static final Path SQL = Path.of("..", "shop.d", "provision-database.sql");

	private static final Path DROP_SQL = Path.of("..", "shop.d", "drop-database.sql");

	private final String prefix = "sft_iso_" + UUID.randomUUID().toString().substring(0, 8) + "_";

	private final String userService = this.prefix + "user_service";

	private final String orderService = this.prefix + "order_service";

	private URI admin;

	private TestDatabase anchor;

	@BeforeEach
	void provision() throws Exception {
		assumeTrue(Files.exists(SQL), "run from the user-service module of the repository");
		assumeTrue(psql("--version").exitCode() == 0, "the psql client runs the provisioning SQL, as ./shop does");
		this.anchor = TestServers.get().createDatabase();
		this.admin = URI.create(this.anchor.adminUrl().substring("jdbc:".length()));
		for (String service : List.of(this.userService, this.orderService)) {
			Result result = psql("-X", "-q", "-h", this.admin.getHost(), "-p", Integer.toString(this.admin.getPort()),
					"-U", this.anchor.username(), "-d", this.admin.getPath().substring(1), "-v", "db=" + service, "-v",
					"role=" + service, "-v", "password=secret-" + service, "-f", SQL.toString());
			assertThat(result.exitCode()).as(result.output()).isZero();
		}
	}

	@AfterEach
	void drop() throws Exception {
		if (this.anchor == null) {
			return;
		}
		for (String service : List.of(this.userService, this.orderService)) {
			psql("-X", "-q", "-h", this.admin.getHost(), "-p", Integer.toString(this.admin.getPort()), "-U",
					this.anchor.username(), "-d", this.admin.getPath().substring(1), "-v", "db=" + service, "-v",
					"role=" + service, "-f", DROP_SQL.toString());
		}
		TestServers.get().dropDatabase(this.anchor);
	}

	@Test
	void eachRoleOpensOnlyItsOwnDatabase() throws SQLException {
		try (Connection own = connect(this.userService, this.userService)) {
			assertThat(own.getCatalog()).isEqualTo(this.userService);
		}
		try (Connection own = connect(this.orderService, this.orderService)) {
			assertThat(own.getCatalog()).isEqualTo(this.orderService);
		}
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connect(this.userService, this.orderService))
			.satisfies((ex) -> assertThat(ex.getMessage().toLowerCase(Locale.ROOT)).contains("permission denied"));
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connect(this.orderService, this.userService))
			.satisfies((ex) -> assertThat(ex.getMessage().toLowerCase(Locale.ROOT)).contains("permission denied"));
	}

	private Connection connect(String role, String database) throws SQLException {
		return DriverManager.getConnection(
				"jdbc:postgresql://" + this.admin.getHost() + ":" + this.admin.getPort() + "/" + database, role,
				"secret-" + role);
	}

	private static Result psql(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add("psql");
		command.addAll(List.of(args));
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			return new Result(-1, ex.getMessage());
		}
		String output = new String(process.getInputStream().readAllBytes());
		process.waitFor(60, TimeUnit.SECONDS);
		return new Result(process.exitValue(), output);
	}

	private record Result(int exitCode, String output) {
	}

}
