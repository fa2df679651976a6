package dev.shopfront.gateway.migration;

import java.util.Map;
import java.util.Set;

import dev.shopfront.gateway.GatewayTest;
import dev.shopfront.gateway.StubUpstream;
import dev.shopfront.gateway.config.GatewayProperties;
import dev.shopfront.testsupport.JwtMinter;
import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway with the catalog route ({@code inventory-service}) migrating: a stand-in
 * legacy application and a stand-in service (emptied before each test), and the modes and
 * audit a test leaves in Redis deleted after it (they have no expiry). The Redis key
 * prefix is read from the bound settings, not from the property: {@link GatewayTest}
 * makes it anew on every read.
 */
abstract class MigrationTest extends GatewayTest {

	static final String ROUTE = "inventory-service";

	/** Plays the legacy application for every migration test (like {@link #upstream}). */
	static final StubUpstream legacy = new StubUpstream();

	/** Plays inventory-service. */
	static final StubUpstream service = new StubUpstream();

	@Autowired
	MeterRegistry meters;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	GatewayProperties gateway;

	@DynamicPropertySource
	static void migratingCatalog(DynamicPropertyRegistry registry) {
		registry.add(KEYS, TEST_KEYS);
		registry.add("shopfront.gateway.services.inventory-service", service::baseUrl);
		registry.add("shopfront.gateway.migration.routes.inventory-service.legacy-uri", legacy::baseUrl);
	}

	@BeforeEach
	void emptyTheStandIns() {
		legacy.clear();
		service.clear();
	}

	@AfterEach
	void forgetTheModes() {
		Set<String> keys = this.redis.keys(this.gateway.rateLimit().keyPrefix() + "migration:*");
		if (keys != null && !keys.isEmpty()) {
			this.redis.delete(keys);
		}
	}

	/** Changes the catalog route's mode through a gateway instance, as an ADMIN. */
	static Response change(RequestSpecification instance, Map<String, Object> mode) {
		return instance.auth()
			.oauth2(JwtMinter.shared().admin())
			.contentType(ContentType.JSON)
			.body(mode)
			.put("/admin/migration/routes/" + ROUTE);
	}

}
