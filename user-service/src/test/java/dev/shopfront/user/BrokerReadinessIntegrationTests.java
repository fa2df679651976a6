package dev.shopfront.user;

import dev.shopfront.testsupport.WithTestServers;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;

import static org.hamcrest.Matchers.equalTo;

/**
 * Readiness fails when the broker cannot be reached (here: a port nobody listens on),
 * while liveness stays up and the service still starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.rabbitmq.port=1")
@WithTestServers(broker = false)
class BrokerReadinessIntegrationTests {

	@LocalManagementPort
	int port;

	@Test
	void readinessFailsWhileTheBrokerIsUnreachable() {
		RestAssured.given()
			.port(this.port)
			.get("/actuator/health/readiness")
			.then()
			.statusCode(503)
			.body("status", equalTo("DOWN"));
		RestAssured.given()
			.port(this.port)
			.get("/actuator/health/liveness")
			.then()
			.statusCode(200)
			.body("status", equalTo("UP"));
	}

}
