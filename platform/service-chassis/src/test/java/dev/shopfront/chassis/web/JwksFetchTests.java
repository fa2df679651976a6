package dev.shopfront.chassis.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import dev.shopfront.testsupport.JwtMinter;
import dev.shopfront.testsupport.ProblemAssertions;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issuer's key set is fetched once and cached; tokens with key ids nobody issued are
 * refused with a 401 and do not make the service fetch the key set again and again.
 */
@SpringBootTest(classes = ChassisTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "shopfront.chassis.security.jwks-refetch-interval=10m",
				"shopfront.chassis.security.jwks-cache-ttl=20m" })
class JwksFetchTests {

	private static final AtomicInteger fetches = new AtomicInteger();

	private static final HttpServer issuer = issuer();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void jwks(DynamicPropertyRegistry registry) {
		registry.add("shopfront.chassis.security.jwk-set-uri",
				() -> "http://127.0.0.1:" + issuer.getAddress().getPort() + "/.well-known/jwks.json");
	}

	@AfterAll
	static void stopIssuer() {
		issuer.stop(0);
	}

	@Test
	void fetchesTheKeySetOnceAndNotForEveryUnknownKeyId() {
		String valid = JwtMinter.shared().admin();
		for (int i = 0; i < 5; i++) {
			RestAssured.given().port(this.port).auth().oauth2(valid).get("/test/admin").then().statusCode(200);
		}
		assertThat(fetches.get()).isOne();

		// tokens signed by keys the issuer never published, each with its own key id
		for (int k = 0; k < 3; k++) {
			JwtMinter stranger = new JwtMinter("made-up-" + k);
			for (int i = 0; i < 10; i++) {
				ProblemAssertions.assertProblem(RestAssured.given()
					.port(this.port)
					.auth()
					.oauth2(stranger.token(UUID.randomUUID().toString(), java.time.Duration.ofMinutes(5), "ADMIN"))
					.get("/test/admin")
					.then(), 401, "unauthorized");
			}
		}
		// at most the two refetches the limit allows per interval, in case the key was
		// rotated
		assertThat(fetches.get()).isLessThanOrEqualTo(3);
		RestAssured.given().port(this.port).auth().oauth2(valid).get("/test/admin").then().statusCode(200);
	}

	private static HttpServer issuer() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			byte[] body = JwtMinter.shared().jwkSetJson().getBytes(StandardCharsets.UTF_8);
			server.createContext("/.well-known/jwks.json", (exchange) -> {
				fetches.incrementAndGet();
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
