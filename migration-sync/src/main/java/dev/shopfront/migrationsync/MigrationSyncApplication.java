package dev.shopfront.migrationsync;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The migration sync: change data capture from the monolith to inventory-service, and the
 * reconciliation of both.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class MigrationSyncApplication {

	public static void main(String[] args) {
		SpringApplication.run(MigrationSyncApplication.class, args);
	}

}
