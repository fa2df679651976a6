package dev.shopfront.migrationsync.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the two databases are, and how capture and reconciliation run.
 *
 * @param legacy the monolith's database (read by capture and reconciliation; capture
 * needs a user with the REPLICATION privilege and {@code wal_level=logical})
 * @param service inventory-service's database, read by the reconciliation only
 * @param capture change data capture
 * @param reconciliation the comparison
 */
@ConfigurationProperties("shopfront.migration-sync")
public record MigrationSyncProperties(Database legacy, Database service, Capture capture,
		Reconciliation reconciliation) {

	/**
	 * A database to connect to.
	 *
	 * @param url its JDBC URL, {@code jdbc:postgresql://host:port/name}
	 * @param username the user
	 * @param password the password, empty for none
	 */
	public record Database(String url, String username, @DefaultValue("") String password) {

		/**
		 * The host, port and name of the URL, as Debezium wants them.
		 * @return the URL without its {@code jdbc:} scheme
		 */
		public URI address() {
			return URI.create(this.url.substring("jdbc:".length()));
		}

		/**
		 * The database name.
		 * @return the name
		 */
		public String name() {
			String path = address().getPath();
			return path.substring(1);
		}

	}

	/**
	 * Change data capture.
	 *
	 * @param enabled whether it runs when the application starts (it can be started and
	 * stopped later by an ADMIN)
	 * @param slot the replication slot
	 * @param publication the publication (made for the captured table)
	 * @param offsets the file Debezium keeps its position in
	 * @param exchange the topic exchange the changes go to
	 * @param confirmTimeout how long a batch waits for the broker's confirms
	 * @param restartDelay how long after a failure capture starts again
	 */
	public record Capture(@DefaultValue("true") boolean enabled, @DefaultValue("shopfront_catalog") String slot,
			@DefaultValue("shopfront_catalog") String publication,
			@DefaultValue(".shop/data/migration-sync/offsets.dat") Path offsets,
			@DefaultValue("legacy.catalog") String exchange, @DefaultValue("10s") Duration confirmTimeout,
			@DefaultValue("5s") Duration restartDelay) {
	}

	/**
	 * The comparison.
	 *
	 * @param interval how often it runs (and refreshes the metric)
	 * @param sample how many SKUs of each kind of difference a report names
	 */
	public record Reconciliation(@DefaultValue("10s") Duration interval, @DefaultValue("20") int sample) {
	}

}
