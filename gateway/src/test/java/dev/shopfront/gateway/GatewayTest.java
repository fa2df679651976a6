package dev.shopfront.gateway;

import java.util.UUID;
import java.util.function.Supplier;

import dev.shopfront.testsupport.TestJwks;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on random ports in front of a stand-in user-service ({@link #upstream},
 * emptied before each test), with rate-limit buckets of its own in Redis. A test class
 * adds its settings, and where the token keys are ({@link #TEST_KEYS} or a place that
 * fails), with a {@code @DynamicPropertySource} of its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "shopfront.chassis.logging.json=false")
public abstract class GatewayTest {

	/** Plays user-service for every gateway test (each class has its own context). */
	protected static final StubUpstream upstream = new StubUpstream();

	/** The property that says where the gateway fetches the token keys. */
	protected static final String KEYS = "shopfront.chassis.security.jwk-set-uri";

	/** The test key set, which signs {@code JwtMinter.shared()}'s tokens. */
	protected static final Supplier<Object> TEST_KEYS = () -> TestJwks.get().uri().toString();

	@LocalServerPort
	protected int port;

	@LocalManagementPort
	protected int managementPort;

	@DynamicPropertySource
	static void gatewayDefaults(DynamicPropertyRegistry registry) {
		registry.add("shopfront.gateway.services.user-service", upstream::baseUrl);
		registry.add("shopfront.gateway.rate-limit.key-prefix", () -> "test-" + UUID.randomUUID() + ":");
	}

	@BeforeEach
	void forgetWhatUpstreamReceived() {
		upstream.clear();
	}

	/** The gateway's public port. */
	protected RequestSpecification given() {
		return RestAssured.given().baseUri("http://127.0.0.1").port(this.port);
	}

	/** The gateway's management port: probes and metrics, never on the public port. */
	protected RequestSpecification management() {
		return RestAssured.given().baseUri("http://127.0.0.1").port(this.managementPort);
	}

}
