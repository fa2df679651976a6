package dev.shopfront.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The playbook of docs/migration.md, run against the system this suite starts
 * ({@code ./shop up --with-legacy}): the catalog is strangled out of the legacy monolith
 * step by step, and each step's evidence is asserted. It runs first (before any test adds
 * products to the service only), turns the clock back to the story's start (everything on
 * the monolith) and leaves the end state (the catalog on inventory-service, the
 * synchronisation off) to the tests after it, as the system started.
 * <p>
 * Against a deployment given with {@code -De2e.baseUrl} it is skipped: it needs the
 * monolith, migration-sync and the services' own ports, which only the system this suite
 * starts is known to have.
 */
@ExtendWith(ShopDeployment.class)
@Order(1)
class MigrationPlaybookE2ETests {

	private static final String ROUTE = "inventory-service";

	private static final String SKU = "KIT-0003";

	private static final Duration WAIT = Duration.ofSeconds(90);

	private static Deployment shop;

	/** Whether the playbook ran to its end state. */
	private static boolean finished;

	@AfterAll
	static void leaveTheCatalogOnTheService() {
		if (shop == null || finished) {
			return;
		}
		// the playbook stopped half-way: the tests after this one use the services all
		// the same
		adminPut(gateway("/admin/migration/routes/" + ROUTE), Map.of("mode", "service"));
		Response route = Api.given().auth().oauth2(admin()).get(gateway("/admin/migration/routes/" + ROUTE));
		if ("legacy".equals(route.path("writes"))) {
			// writes back on the service once the capture has copied the monolith's
			adminPut(sync("/admin/capture"), Map.of("running", true));
			try {
				await().atMost(WAIT).ignoreExceptions().until(() -> difference() == 0);
			}
			catch (org.awaitility.core.ConditionTimeoutException ex) {
				System.out.println("[e2e] after the playbook: the reconciliation did not reach zero");
			}
			Response writes = adminPut(gateway("/admin/migration/routes/" + ROUTE + "/writes"),
					Map.of("to", "service"));
			System.out.println("[e2e] after the playbook: writes to the service: " + writes.statusCode());
		}
		adminPut(sync("/admin/capture"), Map.of("running", false));
	}

	@Test
	void strangleTheCatalogOutOfTheMonolith(Deployment deployment) throws Exception {
		assumeTrue(deployment.services().isPresent() && deployment.signingKey().isPresent(),
				"the playbook runs on the system this suite starts (./shop up --with-legacy), not on "
						+ deployment.baseUrl());
		shop = deployment;

		// 0. This system starts with the catalog on the service (the other tests' end
		// state): turn the clock back to the story's start, everything on the monolith
		adminPut(gateway("/admin/migration/routes/" + ROUTE), Map.of("mode", "legacy")).then().statusCode(200);
		adminPut(gateway("/admin/migration/routes/" + ROUTE + "/writes"), Map.of("to", "legacy")).then()
			.statusCode(200);

		// 1. Everything on the monolith; capture copies its catalog to the service
		Response route = Api.given().auth().oauth2(admin()).get(gateway("/admin/migration/routes/" + ROUTE));
		assertThat(route.statusCode()).as(route.asString()).isEqualTo(200);
		assertThat((String) route.path("mode")).isEqualTo("legacy");
		assertThat((String) route.path("writes")).isEqualTo("legacy");
		await().atMost(WAIT).ignoreExceptions().until(() -> difference() == 0);
		Upstreams before = upstreams();
		read(customer()).then().statusCode(200);
		assertThat(upstreams().minus(before)).as("a read on the monolith").isEqualTo(new Upstreams(1, 0));

		// 2. CDC: a write to the monolith reaches the service
		write(Map.of("price", "25.00")).then().statusCode(200);
		await().atMost(WAIT).until(() -> "25.00".equals(serviceRow().path("price")));

		// 3. Shadow: an injected difference (a monolith write the capture has not copied
		// yet) is caught, off the client's path; the reconciliation counts it
		adminPut(gateway("/admin/migration/routes/" + ROUTE), Map.of("mode", "shadow")).then().statusCode(200);
		adminPut(sync("/admin/capture"), Map.of("running", false)).then().statusCode(200);
		write(Map.of("price", "26.50")).then().statusCode(200);
		await().atMost(WAIT).ignoreExceptions().until(() -> difference() == 1);
		Response shadowed = read(customer());
		assertThat((String) shadowed.path("price")).as("the client gets the monolith's answer").isEqualTo("26.50");
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(Api.given()
				.auth()
				.oauth2(admin())
				.get(gateway("/admin/migration/routes/" + ROUTE + "/mismatches"))
				.asString()).contains(SKU).contains("26.50"));
		// capture on again: the difference goes away, and the next shadow copy matches
		adminPut(sync("/admin/capture"), Map.of("running", true)).then().statusCode(200);
		await().atMost(WAIT).ignoreExceptions().until(() -> difference() == 0);
		assertThat((String) serviceRow().path("price")).isEqualTo("26.50");

		// 4. Canary 5 %: sticky per customer, the service's share within the binomial
		// range
		adminPut(gateway("/admin/migration/routes/" + ROUTE), Map.of("mode", "canary", "percent", 5)).then()
			.statusCode(200);
		Upstreams sampleStart = upstreams();
		int requests = 2000;
		List<String> failures = sample(requests);
		assertThat(failures).isEmpty();
		Upstreams sampled = upstreams().minus(sampleStart);
		assertThat(sampled.legacy() + sampled.service()).isEqualTo(requests);
		// n = 2000, p = 0.05: mean 100, standard deviation 9.75; 4.5 of them each way
		assertThat(sampled.service()).as("requests the canary sent to the service").isBetween(56L, 144L);

		// From here on a steady read load runs through every switch: none of it may fail
		try (Load load = Load.start()) {
			// 5. Canary 25 %, then all reads on the service
			adminPut(gateway("/admin/migration/routes/" + ROUTE), Map.of("mode", "canary", "percent", 25)).then()
				.statusCode(200);
			adminPut(gateway("/admin/migration/routes/" + ROUTE), Map.of("mode", "service")).then().statusCode(200);

			// 6. The cut-over of writes refuses while the reconciliation is not zero
			adminPut(sync("/admin/capture"), Map.of("running", false)).then().statusCode(200);
			write(Map.of("price", "27.00")).then().statusCode(200);
			await().atMost(WAIT).ignoreExceptions().until(() -> difference() == 1);
			Response refused = adminPut(gateway("/admin/migration/routes/" + ROUTE + "/writes"),
					Map.of("to", "service"));
			assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(409);
			assertThat((String) refused.path("type")).endsWith("/cut-over-refused");
			adminPut(sync("/admin/capture"), Map.of("running", true)).then().statusCode(200);
			await().atMost(WAIT).ignoreExceptions().until(() -> difference() == 0);

			// 7. Cut-over at zero: writes go to the service, the monolith keeps its copy
			adminPut(gateway("/admin/migration/routes/" + ROUTE + "/writes"), Map.of("to", "service")).then()
				.statusCode(200);
			write(Map.of("price", "28.00")).then().statusCode(200);
			assertThat((String) serviceRow().path("price")).isEqualTo("28.00");
			assertThat((String) legacyRow().path("price")).isEqualTo("27.00");

			// 8. Rollback, each step at once: reads, then writes
			adminPut(gateway("/admin/migration/routes/" + ROUTE), Map.of("mode", "legacy")).then().statusCode(200);
			// the load ran through the switch; held while the next read is counted alone
			load.hold();
			try {
				Upstreams rollback = upstreams();
				read(customer()).then().statusCode(200);
				assertThat(upstreams().minus(rollback)).as("the first read after the rollback")
					.isEqualTo(new Upstreams(1, 0));
			}
			finally {
				load.release();
			}
			adminPut(gateway("/admin/migration/routes/" + ROUTE + "/writes"), Map.of("to", "legacy")).then()
				.statusCode(200);
			// the monolith lacks the service's write: the reconciliation shows it
			await().atMost(WAIT).ignoreExceptions().until(() -> difference() == 1);
			write(Map.of("price", "28.00")).then().statusCode(200);
			assertThat((String) legacyRow().path("price")).isEqualTo("28.00");
			await().atMost(WAIT).ignoreExceptions().until(() -> difference() == 0);

			// 9. Forward again; writes cut over; the synchronisation off
			adminPut(gateway("/admin/migration/routes/" + ROUTE), Map.of("mode", "service")).then().statusCode(200);
			adminPut(gateway("/admin/migration/routes/" + ROUTE + "/writes"), Map.of("to", "service")).then()
				.statusCode(200);
			Response off = adminPut(sync("/admin/capture"), Map.of("running", false));
			assertThat((Boolean) off.path("running")).isFalse();

			// 10. The legacy route is not needed any more: with the monolith stopped the
			// catalog is served and written as before
			deployment.services().get().stop("legacy-monolith");
			read(customer()).then().statusCode(200);
			write(Map.of("restock", 1)).then().statusCode(200);
			deployment.services().get().start("legacy-monolith");

			List<String> loadFailures = load.stop();
			assertThat(load.requests()).as("reads during the switches").isGreaterThan(20);
			assertThat(loadFailures).as("reads that failed during a switch").isEmpty();
		}
		finished = true;
	}

	// --- the system's addresses (./shop's port layout: docs/runtime.md)
	// -----------------

	private static int base() {
		return shop.baseUrl().getPort();
	}

	private static String gateway(String path) {
		return shop.baseUrl() + path;
	}

	private static String sync(String path) {
		return "http://127.0.0.1:" + (base() + 8) + path;
	}

	private static Response serviceRow() {
		return Api.given().get("http://127.0.0.1:" + (base() + 3) + "/api/products/" + SKU);
	}

	private static Response legacyRow() {
		return Api.given().get("http://127.0.0.1:" + (base() + 7) + "/api/products/" + SKU);
	}

	// --- steps
	// --------------------------------------------------------------------------

	/**
	 * A fresh administrator's token (each lives five minutes; the playbook takes longer).
	 */
	private static String admin() {
		try {
			return Admins.token(shop);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Response adminPut(String url, Map<String, Object> body) {
		return Api.given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body).put(url);
	}

	private static int difference() {
		Response report = Api.given().auth().oauth2(admin()).get(sync("/admin/reconciliation"));
		assertThat(report.statusCode()).as(report.asString()).isEqualTo(200);
		return report.path("difference");
	}

	private static Response read(String token) {
		return Api.given().auth().oauth2(token).get(gateway("/api/products/" + SKU));
	}

	private static Response write(Map<String, Object> change) {
		return Api.given()
			.auth()
			.oauth2(admin())
			.contentType(ContentType.JSON)
			.body(change)
			.patch(gateway("/api/products/" + SKU));
	}

	/** Reads by as many customers as requests, eight at a time; returns the failures. */
	private static List<String> sample(int requests) throws Exception {
		List<String> failures = new ArrayList<>();
		try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
			List<Future<Response>> answers = new ArrayList<>();
			for (int i = 0; i < requests; i++) {
				String token = customer();
				answers.add(clients.submit(() -> read(token)));
			}
			for (Future<Response> answer : answers) {
				Response response = answer.get();
				if (response.statusCode() != 200) {
					failures.add(response.statusCode() + " " + response.asString());
				}
			}
		}
		return failures;
	}

	/** A customer's token: a new subject each time, so a new canary bucket. */
	private static String customer() throws JOSEException {
		RSAKey key = shop.signingKey().orElseThrow();
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("shopfront")
			.subject(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
			.claim("roles", List.of("CUSTOMER"))
			.claim("email", "playbook-" + UUID.randomUUID().toString().substring(0, 8) + "@e2e.shopfront.example")
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	/** The gateway's count of the catalog route's requests per upstream. */
	private static Upstreams upstreams() {
		String metrics = io.restassured.RestAssured.given()
			.get("http://127.0.0.1:" + (base() + 1000) + "/actuator/prometheus")
			.asString();
		long legacy = 0;
		long service = 0;
		for (String line : metrics.split("\\R")) {
			if (line.startsWith("shopfront_gateway_upstream_requests_seconds_count{")
					&& line.contains("route=\"" + ROUTE + "\"")) {
				long count = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				if (line.contains("upstream=\"legacy\"")) {
					legacy += count;
				}
				else if (line.contains("upstream=\"service\"")) {
					service += count;
				}
			}
		}
		return new Upstreams(legacy, service);
	}

	/**
	 * Requests of the catalog route by upstream.
	 *
	 * @param legacy to the monolith
	 * @param service to inventory-service
	 */
	record Upstreams(long legacy, long service) {

		Upstreams minus(Upstreams earlier) {
			return new Upstreams(this.legacy - earlier.legacy, this.service - earlier.service);
		}

	}

	/**
	 * Two clients reading the catalog through the gateway, about ten reads a second each,
	 * until stopped; what failed is kept.
	 */
	private static final class Load implements AutoCloseable {

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicInteger requests = new AtomicInteger();

		private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

		private final ExecutorService clients = Executors.newFixedThreadPool(2);

		/** Each read holds it shared; {@link #hold()} takes it alone. */
		private final java.util.concurrent.locks.ReentrantReadWriteLock gate = new java.util.concurrent.locks.ReentrantReadWriteLock();

		static Load start() {
			Load load = new Load();
			for (int i = 0; i < 2; i++) {
				load.clients.execute(load::run);
			}
			return load;
		}

		private void run() {
			while (this.running.get()) {
				try {
					String token = customer();
					this.gate.readLock().lock();
					try {
						Response response = read(token);
						this.requests.incrementAndGet();
						if (response.statusCode() != 200) {
							this.failures.add(response.statusCode() + " " + response.asString());
						}
					}
					finally {
						this.gate.readLock().unlock();
					}
					// pacing a steady load, not waiting for an outcome
					Thread.sleep(100);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				catch (Exception ex) {
					this.failures.add(ex.toString());
				}
			}
		}

		int requests() {
			return this.requests.get();
		}

		/** Holds the load: returns once no read is in flight, and none starts. */
		void hold() {
			this.gate.writeLock().lock();
		}

		void release() {
			this.gate.writeLock().unlock();
		}

		List<String> stop() {
			this.running.set(false);
			this.clients.close();
			return List.copyOf(this.failures);
		}

		@Override
		public void close() {
			stop();
		}

	}

}
