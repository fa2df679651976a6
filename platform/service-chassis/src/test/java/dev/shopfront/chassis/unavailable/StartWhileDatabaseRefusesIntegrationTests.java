package dev.shopfront.chassis.unavailable;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.shopfront.testsupport.TestDatabase;
import dev.shopfront.testsupport.TestJwks;
import dev.shopfront.testsupport.TestServers;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service started while its database refuses connections (restarting, or out of
 * connections) waits for the database instead of exiting, and starts once it answers.
 */
class StartWhileDatabaseRefusesIntegrationTests {

	private TestDatabase database;

	private ConfigurableApplicationContext service;

	@BeforeEach
	void refusingDatabase() {
		this.database = TestServers.get().createDatabase();
		admin().sql("alter database " + this.database.name() + " allow_connections false").update();
	}

	@AfterEach
	void cleanUp() {
		if (this.service != null) {
			this.service.close();
		}
		TestServers.get().dropDatabase(this.database);
	}

	@Test
	void waitsForTheDatabaseAndStartsWhenItAnswers() throws Exception {
		ExecutorService thread = Executors.newSingleThreadExecutor();
		CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture
			.supplyAsync(() -> new SpringApplicationBuilder(UnavailableTestApplication.class).run("--server.port=0",
					"--spring.datasource.url=" + this.database.jdbcUrl(),
					"--spring.datasource.username=" + this.database.username(),
					"--spring.datasource.password=" + this.database.password(),
					"--spring.flyway.locations=classpath:db/unavailable",
					"--shopfront.chassis.security.jwk-set-uri=" + TestJwks.get().uri()), thread);
		// refused for a while: the service keeps trying rather than giving up
		await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> !starting.isDone());

		admin().sql("alter database " + this.database.name() + " allow_connections true").update();
		this.service = starting.get(60, java.util.concurrent.TimeUnit.SECONDS);
		int port = ((WebServerApplicationContext) this.service).getWebServer().getPort();
		RestAssured.given().port(port).post("/test/write").then().statusCode(200);
		assertThat(this.service.isRunning()).isTrue();
		thread.shutdown();
	}

	private JdbcClient admin() {
		return JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), this.database.adminUrl(),
				this.database.username(), this.database.password()));
	}

}
