package dev.shopfront.migrationsync.reconciliation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.shopfront.migrationsync.config.Databases;
import dev.shopfront.migrationsync.config.MigrationSyncProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Compares the catalog on both sides: every row of the monolith's {@code products} with
 * inventory-service's, by a checksum (MD5) of the migrated columns computed in each
 * database (SKU, name, description, category, price, currency, and the monolith's
 * {@code stock} against the service's {@code available}). The difference is the number of
 * rows missing on the service, extra on the service, or differing; it is zero when both
 * hold the same catalog. Runs every {@code interval} and on demand; exported as
 * {@code shopfront.migration.reconciliation.difference} (-1 while a database cannot be
 * read) and {@code shopfront.migration.reconciliation.rows}.
 * <p>
 * The service's stock equals the monolith's only while orders reserve no stock in the
 * service, which holds while the orders route stays on the monolith (docs/migration.md).
 */
@Service
public class Reconciliation {

	private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

	private static final String LEGACY = """
			select sku, md5(concat_ws('|', sku, name, description, coalesce(category, ''), price::text, currency,
			                          stock::text)) as checksum
			from products
			""";

	private static final String SERVICE = """
			select sku, md5(concat_ws('|', sku, name, description, coalesce(category, ''), price::text, currency,
			                          available::text)) as checksum
			from products
			""";

	private final Databases databases;

	private final int sample;

	private final Clock clock;

	private final AtomicReference<@Nullable ReconciliationReport> last = new AtomicReference<>();

	Reconciliation(Databases databases, MigrationSyncProperties settings, Clock clock, MeterRegistry meters) {
		this.databases = databases;
		this.sample = settings.reconciliation().sample();
		this.clock = clock;
		Gauge.builder("shopfront.migration.reconciliation.difference", this, Reconciliation::lastDifference)
			.description("Rows that differ between the monolith's catalog and the service's (-1: not compared)")
			.tag("table", "products")
			.register(meters);
		Gauge.builder("shopfront.migration.reconciliation.rows", this, (r) -> r.lastRows(true))
			.description("Rows of the catalog on each side at the last comparison")
			.tags("table", "products", "side", "legacy")
			.register(meters);
		Gauge.builder("shopfront.migration.reconciliation.rows", this, (r) -> r.lastRows(false))
			.description("Rows of the catalog on each side at the last comparison")
			.tags("table", "products", "side", "service")
			.register(meters);
	}

	/** Compares on schedule, for the metric. */
	@Scheduled(fixedDelayString = "${shopfront.migration-sync.reconciliation.interval:10s}", initialDelay = 1_000)
	void scheduled() {
		try {
			compare();
		}
		catch (ReconciliationUnavailable ex) {
			// logged by compare(); the metric says -1 until both sides can be read
		}
	}

	/**
	 * Compares both sides now.
	 * @return the report
	 * @throws ReconciliationUnavailable when a database cannot be read
	 */
	public ReconciliationReport compare() {
		Map<String, String> legacy;
		Map<String, String> service;
		try {
			legacy = checksums(this.databases.legacy(), LEGACY);
			service = checksums(this.databases.service(), SERVICE);
		}
		catch (DataAccessException ex) {
			this.last.set(null);
			log.warn("Reconciliation could not read a database: {}", ex.getMostSpecificCause().getMessage());
			throw new ReconciliationUnavailable(ex);
		}
		List<String> missing = new ArrayList<>();
		List<String> differing = new ArrayList<>();
		int missingCount = 0;
		int differingCount = 0;
		for (Map.Entry<String, String> row : legacy.entrySet()) {
			String other = service.get(row.getKey());
			if (other == null) {
				missingCount++;
				addSample(missing, row.getKey());
			}
			else if (!other.equals(row.getValue())) {
				differingCount++;
				addSample(differing, row.getKey());
			}
		}
		List<String> extra = new ArrayList<>();
		int extraCount = 0;
		for (String sku : service.keySet()) {
			if (!legacy.containsKey(sku)) {
				extraCount++;
				addSample(extra, sku);
			}
		}
		ReconciliationReport report = new ReconciliationReport("products", this.clock.instant(), legacy.size(),
				service.size(), missingCount + extraCount + differingCount, missingCount, extraCount, differingCount,
				missing.stream().sorted().toList(), extra.stream().sorted().toList(),
				differing.stream().sorted().toList());
		this.last.set(report);
		return report;
	}

	/**
	 * The last report, if the last comparison could read both sides.
	 * @return the report, or null
	 */
	public @Nullable ReconciliationReport last() {
		return this.last.get();
	}

	private void addSample(List<String> skus, String sku) {
		if (skus.size() < this.sample) {
			skus.add(sku);
		}
	}

	private static Map<String, String> checksums(JdbcClient jdbc, String sql) {
		Map<String, String> rows = new HashMap<>();
		jdbc.sql(sql).query((rs) -> {
			rows.put(rs.getString("sku"), rs.getString("checksum"));
		});
		return rows;
	}

	private double lastDifference() {
		ReconciliationReport report = this.last.get();
		return (report != null) ? report.difference() : -1;
	}

	private double lastRows(boolean legacy) {
		ReconciliationReport report = this.last.get();
		if (report == null) {
			return Double.NaN;
		}
		return legacy ? report.legacyRows() : report.serviceRows();
	}

	/** A database could not be read, so nothing can be said about the difference. */
	public static class ReconciliationUnavailable extends RuntimeException {

		ReconciliationUnavailable(Throwable cause) {
			super("A database of the comparison cannot be read; the log says which and why.", cause);
		}

	}

}
