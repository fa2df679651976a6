package dev.shopfront.e2e.compose;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

import dev.shopfront.e2e.ShopDeployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.ClassNameFilter.excludeClassNamePatterns;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * The whole end-to-end suite against the Compose stack: {@code docker-compose.yml} built
 * and started by Testcontainers, with an admin password and a signing key chosen here (as
 * {@code .env} would), then every {@code *E2ETests} class run against its gateway and its
 * Mailpit. Needs a Docker engine; without one it is skipped and says so (the drift tests
 * check the file instead).
 */
@Order(Integer.MAX_VALUE)
class ComposeStackE2ETests {

	@TempDir
	static Path temp;

	@Test
	void theEndToEndSuitePassesAgainstTheComposeStack() throws Exception {
		assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
				"no Docker engine here: the Compose stack cannot start (ComposeDriftIntegrationTests and "
						+ "ComposeEnvironmentIntegrationTests check the file instead)");
		Path root = ComposeDriftIntegrationTests.repositoryRoot();
		RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
		String pem = ShopDeployment.toPem(key);
		Path keyFile = Files.writeString(temp.resolve("signing-key.pem"), pem);
		String adminPassword = HexFormat.of().formatHex(randomBytes(12));
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SHOP_ADMIN_PASSWORD", adminPassword);
		environment.put("SHOP_SIGNING_KEY", pem.replace("\n", ""));
		for (String port : new String[] { "SHOP_HTTP_PORT", "SHOP_MAIL_UI_PORT", "SHOP_RABBITMQ_UI_PORT",
				"SHOP_TRACES_UI_PORT" }) {
			environment.put(port, Integer.toString(freePort()));
		}
		ComposeContainer stack = new ComposeContainer(new File(root.resolve("docker-compose.yml").toString()))
			.withBuild(true)
			.withEnv(environment)
			.withRemoveVolumes(true)
			.withExposedService("gateway", 8080,
					Wait.forHttp("/api/products").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(20)))
			.withExposedService("mailpit", 8025, Wait.forHttp("/api/v1/info").forStatusCode(200));
		try {
			stack.start();
			Map<String, String> suite = Map.of("e2e.baseUrl",
					"http://" + stack.getServiceHost("gateway", 8080) + ":" + stack.getServicePort("gateway", 8080),
					"e2e.mailApiUrl",
					"http://" + stack.getServiceHost("mailpit", 8025) + ":" + stack.getServicePort("mailpit", 8025),
					"e2e.adminEmail", "admin@shopfront.example", "e2e.adminPassword", adminPassword,
					"e2e.signingKeyFile", keyFile.toString());
			TestExecutionSummary summary = runTheSuite(suite);
			StringBuilder failures = new StringBuilder();
			summary.getFailures()
				.forEach((failure) -> failures.append('\n')
					.append(failure.getTestIdentifier().getDisplayName())
					.append(": ")
					.append(failure.getException()));
			assertThat(summary.getTestsSucceededCount()).as("end-to-end tests that passed against the stack")
				.isPositive();
			assertThat(summary.getTotalFailureCount()).as("failures against the stack:%s", failures).isZero();
		}
		finally {
			stack.stop();
		}
	}

	/**
	 * Every {@code *E2ETests} class of this suite (not this package's), run with the
	 * given system properties ({@code e2e.baseUrl} and the rest), which are restored
	 * afterwards.
	 */
	static TestExecutionSummary runTheSuite(Map<String, String> properties) {
		Map<String, String> before = new LinkedHashMap<>();
		properties.forEach((name, value) -> before.put(name, System.getProperty(name)));
		try {
			properties.forEach(System::setProperty);
			LauncherDiscoveryRequest request = request().selectors(selectPackage("dev.shopfront.e2e"))
				.filters(includeClassNamePatterns(".*E2ETests"), excludeClassNamePatterns(".*\\.compose\\..*"))
				.build();
			SummaryGeneratingListener listener = new SummaryGeneratingListener();
			Launcher launcher = LauncherFactory.create();
			launcher.execute(request, listener);
			return listener.getSummary();
		}
		finally {
			before.forEach((name, value) -> {
				if (value == null) {
					System.clearProperty(name);
				}
				else {
					System.setProperty(name, value);
				}
			});
		}
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
