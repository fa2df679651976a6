package dev.shopfront.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped {@code application.yml} routes to local services, and the runner's
 * environment ({@code SHOPFRONT_GATEWAY_SERVICES_<NAME>}) moves them.
 */
class GatewayPropertiesTests {

	@Test
	void defaultsServeTheLocalShop() throws Exception {
		GatewayProperties properties = bind(Map.of());

		assertThat(properties.routes()).containsOnlyKeys("user-service", "inventory-service", "order-service",
				"payment-service", "shipping-service", "notification-service");
		assertThat(properties.routes().get("notification-service").uri())
			.isEqualTo(URI.create("http://localhost:8086"));
		assertThat(properties.routes().get("notification-service").paths()).containsExactly("/api/notifications/**");
		assertThat(properties.routes().get("shipping-service").uri()).isEqualTo(URI.create("http://localhost:8085"));
		assertThat(properties.routes().get("shipping-service").paths()).containsExactly("/api/shipments/**");
		assertThat(properties.routes().get("order-service").uri()).isEqualTo(URI.create("http://localhost:8082"));
		assertThat(properties.routes().get("order-service").paths()).containsExactly("/api/orders/**");
		assertThat(properties.routes().get("payment-service").uri()).isEqualTo(URI.create("http://localhost:8084"));
		assertThat(properties.routes().get("payment-service").paths()).containsExactly("/api/payments/**");
		assertThat(properties.routes().get("inventory-service").uri()).isEqualTo(URI.create("http://localhost:8083"));
		assertThat(properties.routes().get("inventory-service").paths()).containsExactly("/api/products/**");
		assertThat(properties.routes().get("user-service").uri()).isEqualTo(URI.create("http://localhost:8081"));
		assertThat(properties.routes().get("user-service").paths()).containsExactly("/api/users/**", "/api/auth/**",
				"/.well-known/jwks.json");
		assertThat(properties.publicEndpoints()).contains("POST /api/users", "POST /api/auth/token",
				"POST /api/auth/refresh", "POST /api/auth/logout", "GET /.well-known/jwks.json",
				"GET /api/products/**");
		assertThat(properties.rateLimit().perUser()).isEqualTo(600);
		assertThat(properties.rateLimit().login().path()).isEqualTo("/api/auth/token");
		assertThat(properties.rateLimit().login().perIp()).isEqualTo(30);
		assertThat(properties.rateLimit().login().perIpAndEmail()).isEqualTo(10);
		assertThat(properties.rateLimit().perIp()).isEqualTo(6000);
		assertThat(properties.rateLimit().period()).isEqualTo(Duration.ofMinutes(1));
		assertThat(properties.timeouts().connect()).isEqualTo(Duration.ofSeconds(2));
		assertThat(properties.timeouts().read()).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void environmentMovesAService() throws Exception {
		GatewayProperties properties = bind(Map.of("SHOPFRONT_GATEWAY_SERVICES_USER_SERVICE", "http://localhost:18081",
				"SHOPFRONT_GATEWAY_RATE_LIMIT_KEY_PREFIX", "e2e-", "SHOPFRONT_GATEWAY_RATE_LIMIT_PER_USER", "50"));

		assertThat(properties.routes().get("user-service").uri()).isEqualTo(URI.create("http://localhost:18081"));
		assertThat(properties.rateLimit().keyPrefix()).isEqualTo("e2e-");
		assertThat(properties.rateLimit().perUser()).isEqualTo(50);
	}

	private static GatewayProperties bind(Map<String, Object> environment) throws Exception {
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		env.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					environment));
		new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
			.forEach(env.getPropertySources()::addLast);
		ConfigurationPropertySources.attach(env);
		return Binder.get(env).bindOrCreate("shopfront.gateway", GatewayProperties.class);
	}

}
