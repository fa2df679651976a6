package dev.shopfront.testsupport;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Plain-text logs in tests: sets {@code shopfront.chassis.logging.json=false} (lowest
 * precedence, before the chassis reads it) wherever test-support is on the class path, so
 * test output stays readable. A test can still switch JSON on.
 */
class PlainTestLogs implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource("shopfrontTestLogs", Map.of("shopfront.chassis.logging.json", "false")));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

}
