package dev.shopfront.chassis.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Adds the chassis defaults ({@code shopfront-chassis-defaults.properties}) with the
 * lowest precedence, so every service starts from the same settings and overrides any of
 * them in its own configuration.
 */
public class ChassisDefaults implements EnvironmentPostProcessor, Ordered {

	static final String NAME = "shopfrontChassisDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Properties defaults = load();
		if (!environment.getProperty("shopfront.chassis.logging.json", Boolean.class, true)) {
			defaults.remove("logging.structured.format.console");
		}
		environment.getPropertySources().addLast(new PropertiesPropertySource(NAME, defaults));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	private static Properties load() {
		try {
			return PropertiesLoaderUtils
				.loadProperties(new ClassPathResource("shopfront-chassis-defaults.properties", ChassisDefaults.class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
