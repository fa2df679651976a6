package dev.shopfront.chassis.unavailable;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.shopfront.chassis.unavailable.UnavailableTestApplication.Latches;
import dev.shopfront.testsupport.ProblemAssertions;
import dev.shopfront.testsupport.WithTestServers;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * When the database fails for a while (a connection lost to a restart, the pool
 * exhausted), the client gets a 503 problem with {@code Retry-After}, never a 500, and
 * the service works again as soon as the database does.
 */
@SpringBootTest(classes = UnavailableTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.hikari.maximum-pool-size=2",
				"spring.datasource.hikari.connection-timeout=250", "spring.flyway.locations=classpath:db/unavailable",
				"shopfront.chassis.web.unavailable-retry-after=3s" })
@WithTestServers(broker = false)
class DatabaseFailuresIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Latches latches;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aConnectionLostMidTransactionIsServiceUnavailable() {
		Response response = RestAssured.given().port(this.port).post("/test/connection-lost");
		ProblemAssertions.assertProblem(response.then(), 503, "service-unavailable")
			.header("Retry-After", equalTo("3"))
			.body(not(containsString("PSQLException")))
			.body(not(containsString("terminat")));
		assertThat(this.jdbc.sql("select count(*) from notes where text like '%before the connection was lost'")
			.query(Long.class)
			.single()).isZero();
		RestAssured.given().port(this.port).post("/test/write").then().statusCode(200);
	}

	@Test
	void valuesTheDatabaseRefusesAreTheClientsErrorsNotInternalOnes() {
		RestAssured.given()
			.port(this.port)
			.queryParam("text", "fine")
			.queryParam("code", "A1")
			.post("/test/notes")
			.then()
			.statusCode(200);
		ProblemAssertions
			.assertProblem(RestAssured.given()
				.port(this.port)
				.queryParam("text", "x".repeat(101))
				.queryParam("code", "A2")
				.post("/test/notes")
				.then(), 400, "invalid-data")
			.body(not(containsString("varying")));
		ProblemAssertions
			.assertProblem(RestAssured.given()
				.port(this.port)
				.queryParam("text", "again")
				.queryParam("code", "A1")
				.post("/test/notes")
				.then(), 409, "conflict")
			.body(not(containsString("notes_code_key")));
	}

	@Test
	void anExhaustedPoolIsServiceUnavailable() throws Exception {
		// both pooled connections held by requests in flight
		ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
		List<CompletableFuture<Integer>> holders = Stream
			.generate(() -> CompletableFuture
				.supplyAsync(() -> RestAssured.given().port(this.port).post("/test/hold").statusCode(), threads))
			.limit(2)
			.toList();
		assertThat(this.latches.holding.await(10, TimeUnit.SECONDS)).isTrue();
		try {
			Response response = RestAssured.given().port(this.port).post("/test/write");
			ProblemAssertions.assertProblem(response.then(), 503, "service-unavailable")
				.header("Retry-After", equalTo("3"));
		}
		finally {
			this.latches.release.countDown();
		}
		for (CompletableFuture<Integer> holder : holders) {
			assertThat(holder.get(20, TimeUnit.SECONDS)).isEqualTo(200);
		}
		RestAssured.given().port(this.port).post("/test/write").then().statusCode(200);
	}

}
