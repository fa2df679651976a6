package dev.shopfront.gateway.migration;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

import dev.shopfront.gateway.config.GatewayProperties;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The migration of routes off a legacy application: modes in Redis, the upstream choice
 * every route's requests pass through, and shadow comparison.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MigrationProperties.class)
class MigrationConfiguration {

	@Bean
	MigrationModes migrationModes(StringRedisTemplate redis, JsonMapper json, MigrationProperties migration,
			GatewayProperties gateway, Clock clock) {
		migration.routes().keySet().forEach((route) -> {
			if (!gateway.routes().containsKey(route)) {
				throw new IllegalStateException(
						"shopfront.gateway.migration.routes." + route + " names no route of shopfront.gateway.routes");
			}
		});
		return new MigrationModes(redis, json, migration, gateway.rateLimit().keyPrefix(), clock);
	}

	@Bean
	ShadowComparison shadowComparison(MigrationModes modes, MigrationProperties migration, GatewayProperties gateway,
			JsonMapper json, MeterRegistry meters, Clock clock) {
		Map<String, URI> services = new TreeMap<>();
		gateway.routes().forEach((name, route) -> services.put(name, route.uri()));
		return new ShadowComparison(modes, migration, services, json, meters, clock);
	}

	@Bean
	FilterRegistrationBean<ShadowComparison> shadowComparisonFilter(ShadowComparison shadows) {
		FilterRegistrationBean<ShadowComparison> registration = new FilterRegistrationBean<>(shadows);
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}

	@Bean
	CutOverGuard cutOverGuard(JsonMapper json) {
		return new CutOverGuard(json);
	}

	@Bean
	UpstreamChoices upstreamChoices(MigrationModes modes, ShadowComparison shadows, MeterRegistry meters) {
		return (route, service) -> new UpstreamChoice(route, service, modes, shadows, meters);
	}

}
