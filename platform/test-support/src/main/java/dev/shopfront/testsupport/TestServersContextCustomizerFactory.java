package dev.shopfront.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Turns {@link WithTestServers} into properties of a fresh database and virtual host for
 * the test context, and drops both when the context closes.
 */
class TestServersContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		var annotation = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
			.get(WithTestServers.class);
		if (!annotation.isPresent()) {
			return null;
		}
		return new Customizer(annotation.getBoolean("database"), annotation.getBoolean("broker"));
	}

	private record Customizer(boolean database, boolean broker) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			TestServers servers = TestServers.get();
			Map<String, Object> properties = new HashMap<>();
			TestDatabase db = null;
			TestBroker vhost = null;
			if (this.database) {
				db = servers.createDatabase();
				properties.put("spring.datasource.url", db.jdbcUrl());
				properties.put("spring.datasource.username", db.username());
				properties.put("spring.datasource.password", db.password());
				context.getBeanFactory().registerSingleton("testDatabase", db);
			}
			if (this.broker) {
				vhost = servers.createVirtualHost();
				properties.put("spring.rabbitmq.host", vhost.host());
				properties.put("spring.rabbitmq.port", vhost.port());
				properties.put("spring.rabbitmq.username", vhost.username());
				properties.put("spring.rabbitmq.password", vhost.password());
				properties.put("spring.rabbitmq.virtual-host", vhost.virtualHost());
				context.getBeanFactory().registerSingleton("testBroker", vhost);
			}
			properties.put("shopfront.chassis.security.jwk-set-uri", TestJwks.get().uri().toString());
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testServers", properties));
			// Registered first, so destroyed last: after the connection pools have
			// closed.
			((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("testServersCleanup",
					new Cleanup(servers, db, vhost));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Customizer that && this.database == that.database && this.broker == that.broker;
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.database, this.broker);
		}

	}

	private record Cleanup(TestServers servers, @Nullable TestDatabase database,
			@Nullable TestBroker broker) implements DisposableBean {

		@Override
		public void destroy() {
			if (this.database != null) {
				this.servers.dropDatabase(this.database);
			}
			if (this.broker != null) {
				this.servers.deleteVirtualHost(this.broker);
			}
		}

	}

}
