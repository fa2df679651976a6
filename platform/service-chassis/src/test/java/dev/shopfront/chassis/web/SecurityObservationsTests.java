package dev.shopfront.chassis.web;

import java.util.UUID;

import dev.shopfront.testsupport.JwtMinter;
import dev.shopfront.testsupport.WithTestServers;
import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests through a chassis service are observed (timed) as requests, but Spring
 * Security's filters, authentication and authorisation are not each observed on top:
 * those wrappers cost more CPU per request than the work behind them.
 */
@SpringBootTest(classes = ChassisTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithTestServers(database = false, broker = false)
class SecurityObservationsTests {

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Test
	void observesTheRequestButNotSpringSecurity() {
		RestAssured.given()
			.port(this.port)
			.auth()
			.oauth2(JwtMinter.shared().customer(UUID.randomUUID()))
			.get("/test/items/1")
			.then()
			.statusCode(200);
		RestAssured.given().port(this.port).get("/test/admin").then().statusCode(401);
		assertThat(this.meters.find("http.server.requests").timers()).as("requests are observed").isNotEmpty();
		assertThat(this.meters.getMeters())
			.as("no observation of Spring Security's filter chains, authentications or authorizations")
			.noneMatch((meter) -> meter.getId().getName().startsWith("spring.security"));
	}

}
