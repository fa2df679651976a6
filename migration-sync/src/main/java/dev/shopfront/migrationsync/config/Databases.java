package dev.shopfront.migrationsync.config;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The two databases the migration reads, each through a small read-only pool: the
 * monolith's (the source) and inventory-service's (the target, which only
 * inventory-service writes). Not DataSource beans: this application owns no data.
 */
@Component
public class Databases implements DisposableBean {

	private final HikariDataSource legacy;

	private final HikariDataSource service;

	Databases(MigrationSyncProperties properties) {
		this.legacy = pool("legacy", properties.legacy());
		this.service = pool("service", properties.service());
	}

	private static HikariDataSource pool(String name, MigrationSyncProperties.Database database) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("migration-" + name);
		config.setJdbcUrl(database.url());
		config.setUsername(database.username());
		config.setPassword(database.password());
		config.setReadOnly(true);
		config.setMaximumPoolSize(2);
		config.setMinimumIdle(0);
		// start even while a database is away: the reconciliation reports it and tries
		// again
		config.setInitializationFailTimeout(-1);
		config.setConnectionTimeout(5_000);
		return new HikariDataSource(config);
	}

	/**
	 * The monolith's database.
	 * @return a client over it
	 */
	public JdbcClient legacy() {
		return JdbcClient.create((DataSource) this.legacy);
	}

	/**
	 * inventory-service's database.
	 * @return a client over it
	 */
	public JdbcClient service() {
		return JdbcClient.create((DataSource) this.service);
	}

	@Override
	public void destroy() {
		this.legacy.close();
		this.service.close();
	}

}
