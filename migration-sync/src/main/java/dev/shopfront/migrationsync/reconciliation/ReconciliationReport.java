package dev.shopfront.migrationsync.reconciliation;

import java.time.Instant;
import java.util.List;

/**
 * One comparison of the catalog on both sides.
 *
 * @param table the table compared
 * @param comparedAt when
 * @param legacyRows rows in the monolith
 * @param serviceRows rows in the service
 * @param difference rows missing, extra or differing: zero when both sides agree
 * @param missing rows the monolith has and the service lacks
 * @param extra rows the service has and the monolith lacks
 * @param differing rows on both sides with different contents
 * @param missingSkus some of the missing rows' SKUs
 * @param extraSkus some of the extra rows' SKUs
 * @param differingSkus some of the differing rows' SKUs
 */
public record ReconciliationReport(String table, Instant comparedAt, int legacyRows, int serviceRows, int difference,
		int missing, int extra, int differing, List<String> missingSkus, List<String> extraSkus,
		List<String> differingSkus) {
}
