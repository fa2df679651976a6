package dev.shopfront.testsupport;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a second instance of a service, started by a test beside the one
 * Spring's test context runs: the same database and virtual host (this test's, never the
 * shop's), the test key set, a random port. As command-line arguments they win over the
 * service's {@code application.yml}.
 */
public final class AnotherInstance {

	private AnotherInstance() {
	}

	/**
	 * The arguments.
	 * @param database the test's database
	 * @param broker the test's virtual host
	 * @param more the instance's own settings, e.g.
	 * {@code --shopfront.chassis.messaging.consumer.concurrency=4}
	 * @return the arguments for {@code SpringApplicationBuilder.run}
	 */
	public static String[] arguments(TestDatabase database, TestBroker broker, String... more) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--spring.rabbitmq.host=" + broker.host(),
				"--spring.rabbitmq.port=" + broker.port(), "--spring.rabbitmq.username=" + broker.username(),
				"--spring.rabbitmq.password=" + broker.password(),
				"--spring.rabbitmq.virtual-host=" + broker.virtualHost(),
				"--shopfront.chassis.security.jwk-set-uri=" + TestJwks.get().uri()));
		arguments.addAll(List.of(more));
		return arguments.toArray(String[]::new);
	}

}
