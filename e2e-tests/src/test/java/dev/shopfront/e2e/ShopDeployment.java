package dev.shopfront.e2e;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Provides the {@link Deployment} under test, once per test run. With
 * {@code -De2e.baseUrl=URL} that is the given deployment; otherwise an isolated system is
 * started with {@code ./shop up --no-build} from the jars the build just made (own state
 * directory, ports from 18080, databases prefixed {@code e2e_}, own RabbitMQ vhost and
 * Redis key prefix), with a signing key generated here, and purged with
 * {@code ./shop down --purge} when the run ends. Every response from the deployment is
 * checked against its API contract ({@link ApiContract}).
 */
public final class ShopDeployment implements BeforeAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ShopDeployment.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		Deployment deployment = deployment(context);
		RestAssured.baseURI = deployment.baseUrl().toString();
		RestAssured.port = (deployment.baseUrl().getPort() != -1) ? deployment.baseUrl().getPort()
				: RestAssured.UNDEFINED_PORT;
		if (RestAssured.filters().stream().noneMatch(ApiContract.class::isInstance)) {
			RestAssured.filters(ApiContract.of(deployment.baseUrl()));
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Deployment.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return deployment(context);
	}

	static Deployment deployment(ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Handle.class, (key) -> Handle.open(), Handle.class)
			.deployment();
	}

	/**
	 * The deployment, and the local system to stop when the run ends.
	 */
	static final class Handle implements AutoCloseable {

		private final Deployment deployment;

		private final LocalShop shop;

		private Handle(Deployment deployment, LocalShop shop) {
			this.deployment = deployment;
			this.shop = shop;
		}

		static Handle open() {
			String baseUrl = System.getProperty("e2e.baseUrl", "").strip();
			if (!baseUrl.isEmpty()) {
				Deployment remote = new Deployment(URI.create(baseUrl.replaceAll("/+$", "")), configuredKey(),
						"the deployment at " + baseUrl);
				System.out.println("[e2e] running against " + remote.baseUrl());
				return new Handle(remote, null);
			}
			LocalShop shop = LocalShop.start();
			return new Handle(shop.deployment(), shop);
		}

		Deployment deployment() {
			return this.deployment;
		}

		@Override
		public void close() {
			if (this.shop != null) {
				this.shop.close();
			}
		}

	}

	/**
	 * The key from {@code -De2e.signingKeyFile} (PKCS#8 PEM) and
	 * {@code -De2e.signingKeyId} (default: its RFC 7638 thumbprint).
	 */
	private static Optional<RSAKey> configuredKey() {
		String file = System.getProperty("e2e.signingKeyFile", "").strip();
		if (file.isEmpty()) {
			return Optional.empty();
		}
		try {
			RSAKey key = fromPem(Files.readString(Path.of(file)));
			String keyId = System.getProperty("e2e.signingKeyId", "").strip();
			return Optional
				.of(new RSAKey.Builder(key).keyID(keyId.isEmpty() ? key.computeThumbprint().toString() : keyId)
					.build());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read e2e.signingKeyFile " + file, ex);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot use e2e.signingKeyFile " + file, ex);
		}
	}

	static RSAKey fromPem(String pem) {
		try {
			String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
			KeyFactory rsa = KeyFactory.getInstance("RSA");
			RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
			RSAPublicKey publicKey = (RSAPublicKey) rsa
				.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
			return new RSAKey.Builder(publicKey).privateKey(privateKey).build();
		}
		catch (Exception ex) {
			throw new IllegalArgumentException("Not a PKCS#8 PEM RSA private key (-----BEGIN PRIVATE KEY-----)", ex);
		}
	}

	public static String toPem(RSAKey key) throws JOSEException {
		String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(key.toPrivateKey().getEncoded());
		return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
	}

	/**
	 * A system started with {@code ./shop up} for this run.
	 */
	static final class LocalShop implements Deployment.Services {

		private final Path root;

		private final Map<String, String> environment;

		private final Deployment deployment;

		private volatile boolean closed;

		private LocalShop(Path root, Map<String, String> environment, URI baseUrl, RSAKey key, String description) {
			this.root = root;
			this.environment = environment;
			// ./shop's tools, at ports that follow its port base: the mail sink's web API
			// at
			// base - 55 (8025 for 8080), Zipkin at base + 1331 (9411), and Prometheus,
			// when
			// installed, at base + 1010 (9090)
			this.deployment = new Deployment(baseUrl, Optional.of(key), description, Optional.of(this),
					Optional.of(URI.create("http://localhost:" + (baseUrl.getPort() - 55))),
					Optional.of(URI.create("http://localhost:" + (baseUrl.getPort() + 1331))),
					onPath("prometheus") ? Optional.of(URI.create("http://localhost:" + (baseUrl.getPort() + 1010)))
							: Optional.empty());
		}

		private static boolean onPath(String tool) {
			for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
				if (new File(dir, tool).canExecute()) {
					return true;
				}
			}
			return false;
		}

		@Override
		public void stop(String service) {
			run(120, "stop", service);
		}

		@Override
		public void start(String service) {
			run(300, "start", service);
		}

		@Override
		public List<String> logs(String... selector) {
			List<String> arguments = new ArrayList<>(List.of("logs"));
			arguments.addAll(List.of(selector));
			return run(60, arguments.toArray(String[]::new));
		}

		static LocalShop start() {
			Path root = Path.of(System.getProperty("e2e.repoRoot", "..")).toAbsolutePath().normalize();
			if (!Files.isExecutable(root.resolve("shop"))) {
				throw new IllegalStateException("No ./shop in " + root + " (set -De2e.repoRoot, or -De2e.baseUrl)");
			}
			Path stateDir = Path
				.of(System.getProperty("e2e.stateDir", root.resolve("e2e-tests/target/shop").toString()))
				.toAbsolutePath();
			int portBase = Integer.getInteger("e2e.portBase", 18080);
			RSAKey key;
			String pem;
			try {
				key = new RSAKeyGenerator(2048).keyID("e2e-" + UUID.randomUUID())
					.keyUse(KeyUse.SIGNATURE)
					.algorithm(JWSAlgorithm.RS256)
					.generate();
				pem = toPem(key);
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
			Map<String, String> environment = Map.of("SHOP_STATE_DIR", stateDir.toString(), "SHOP_PORT_BASE",
					Integer.toString(portBase), "SHOP_DB_PREFIX", System.getProperty("e2e.dbPrefix", "e2e_"),
					"SHOP_RABBIT_VHOST", System.getProperty("e2e.rabbitVhost", "shopfront_e2e"), "SHOP_REDIS_PREFIX",
					System.getProperty("e2e.redisPrefix", "e2e:"), "SHOPFRONT_USER_JWT_PRIVATE_KEY", pem,
					"SHOPFRONT_USER_JWT_KEY_ID", key.getKeyID(), "SHOP_READY_TIMEOUT",
					System.getProperty("e2e.readyTimeout", "300"),
					// the catalog route starts on the service, so every test but the
					// playbook
					// (which turns the clock back first) sees the end state
					"SHOPFRONT_MIGRATION_CATALOG_INITIAL_MODE", "service");
			LocalShop shop = new LocalShop(root, environment, URI.create("http://localhost:" + portBase), key,
					"a system started by ./shop up in " + stateDir);
			Runtime.getRuntime().addShutdownHook(new Thread(shop::close, "e2e-shop-down"));
			// with the legacy monolith and migration-sync: MigrationPlaybookE2ETests runs
			// the
			// migration first and leaves the catalog on the service for every other test
			System.out.println("[e2e] starting an isolated system: ./shop up --no-build --with-legacy (state in "
					+ stateDir + ", gateway on port " + portBase + ")");
			try {
				shop.run(600, "up", "--no-build", "--with-legacy");
			}
			catch (RuntimeException ex) {
				shop.close();
				throw ex;
			}
			return shop;
		}

		Deployment deployment() {
			return this.deployment;
		}

		void close() {
			if (this.closed) {
				return;
			}
			this.closed = true;
			System.out.println("[e2e] stopping the isolated system: ./shop down --purge");
			try {
				run(120, "down", "--purge");
			}
			catch (RuntimeException ex) {
				System.err.println("[e2e] " + ex.getMessage());
			}
		}

		/** Runs ./shop; its output goes to the test's output and is returned. */
		private List<String> run(long timeoutSeconds, String... arguments) {
			List<String> command = new ArrayList<>();
			command.add(this.root.resolve("shop").toString());
			command.addAll(List.of(arguments));
			ProcessBuilder builder = new ProcessBuilder(command).directory(this.root.toFile())
				.redirectErrorStream(true)
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
			builder.environment().putAll(this.environment);
			List<String> lines = new ArrayList<>();
			try {
				Process process = builder.start();
				// Through System.out, which the test runner captures (not the JVM's own
				// stdout).
				Thread reader = Thread.ofVirtual().name("shop-output").start(() -> {
					try (BufferedReader output = process.inputReader()) {
						output.lines().forEach((line) -> {
							lines.add(line);
							System.out.println("[shop] " + line);
						});
					}
					catch (IOException ex) {
						// the process ended
					}
				});
				if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new IllegalStateException(
							"./shop " + String.join(" ", arguments) + " took longer than " + timeoutSeconds + "s");
				}
				if (process.exitValue() != 0) {
					throw new IllegalStateException("./shop " + String.join(" ", arguments) + " failed (exit "
							+ process.exitValue() + "); its output is above, service logs are in "
							+ this.environment.get("SHOP_STATE_DIR") + "/logs");
				}
				reader.join(Duration.ofSeconds(10).toMillis());
				return lines;
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

}
