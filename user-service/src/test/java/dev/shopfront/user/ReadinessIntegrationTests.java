package dev.shopfront.user;

import java.time.Duration;

import dev.shopfront.testsupport.TestDatabase;
import dev.shopfront.testsupport.WithTestServers;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Readiness follows the database: it fails while the database refuses connections and
 * recovers when it is back, while liveness stays up. Its own context, so taking its
 * database away disturbs no other test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.hikari.connection-timeout=1000",
				"spring.datasource.hikari.validation-timeout=500", "management.endpoint.health.show-details=always" })
@WithTestServers
class ReadinessIntegrationTests {

	@LocalManagementPort
	int port;

	@Autowired
	TestDatabase database;

	@Test
	void readinessFailsWhileTheDatabaseIsDownAndRecovers() {
		health("readiness").then().statusCode(200).body("status", equalTo("UP"));
		health("readiness").then().body(containsString("rabbit")).body(containsString("db"));
		try {
			admin().sql("alter database " + this.database.name() + " allow_connections false").update();
			admin().sql("select pg_terminate_backend(pid) from pg_stat_activity where datname = ?")
				.param(this.database.name())
				.query()
				.listOfRows();
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> health("readiness").then().statusCode(503).body("status", equalTo("DOWN")));
			health("liveness").then().statusCode(200).body("status", equalTo("UP"));
		}
		finally {
			admin().sql("alter database " + this.database.name() + " allow_connections true").update();
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> health("readiness").then().statusCode(200).body("status", equalTo("UP")));
	}

	@Test
	void publishesPrometheusMetrics() {
		RestAssured.given()
			.port(this.port)
			.get("/actuator/prometheus")
			.then()
			.statusCode(200)
			.body(containsString("jvm_memory_used_bytes"))
			.body(containsString("application=\"user-service\""));
	}

	private io.restassured.response.Response health(String group) {
		return RestAssured.given().port(this.port).get("/actuator/health/" + group);
	}

	private JdbcClient admin() {
		var dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), this.database.adminUrl(),
				this.database.username(), this.database.password());
		return JdbcClient.create(dataSource);
	}

}
