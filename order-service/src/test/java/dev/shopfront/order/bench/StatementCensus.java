package dev.shopfront.order.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one order costs PostgreSQL in the real system, counted by PostgreSQL itself: the
 * cumulative statistics ({@code pg_stat_user_tables}: rows inserted, updated and deleted,
 * index and sequential scans, per table; {@code pg_stat_database}: committed
 * transactions) of each service database, read at the start and the end of the measured
 * window, divided by the orders confirmed in it. Every broker message of the saga goes
 * through a transactional outbox and is taken through an inbox, so the rows inserted into
 * the {@code outbox} and {@code inbox} tables are the messages sent and received. No
 * extension is needed ({@code pg_stat_statements} would need a server restart here).
 *
 * <p>
 * PostgreSQL publishes a busy backend's counts at most once a second, so each boundary
 * may miss up to a second of some connection's work: over a 20 s window the figures are
 * good to a few per cent. This is the list a floor replay has to reproduce
 * (docs/benchmarks.md).
 */
final class StatementCensus {

	private final String jdbcBase;

	private final List<String> databases;

	private Map<String, long[]> atStart = Map.of();

	private Map<String, long[]> atEnd = Map.of();

	/**
	 * @param jdbcBase such as {@code jdbc:postgresql://127.0.0.1:5432/}
	 * @param databases the service databases
	 */
	StatementCensus(String jdbcBase, List<String> databases) {
		this.jdbcBase = jdbcBase;
		this.databases = databases;
	}

	static StatementCensus fromSystemProperties() {
		String databases = System.getProperty("censusDatabases", "");
		List<String> names = new ArrayList<>();
		for (String name : databases.split(",")) {
			if (!name.isBlank()) {
				names.add(name.strip());
			}
		}
		return new StatementCensus(System.getProperty("censusJdbc", "jdbc:postgresql://127.0.0.1:5432/"), names);
	}

	void start() {
		this.atStart = snapshot();
	}

	void end() {
		this.atEnd = snapshot();
	}

	/**
	 * database.table (or database for commits) -> [inserted, updated, deleted, scans,
	 * commits]
	 */
	private Map<String, long[]> snapshot() {
		Map<String, long[]> counts = new TreeMap<>();
		for (String database : this.databases) {
			try (Connection connection = DriverManager.getConnection(this.jdbcBase + database,
					System.getProperty("censusUser", "postgres"), System.getProperty("censusPassword", ""));
					Statement statement = connection.createStatement()) {
				try (ResultSet rows = statement.executeQuery("select relname, n_tup_ins, n_tup_upd, n_tup_del, "
						+ "coalesce(idx_scan, 0) + coalesce(seq_scan, 0) from pg_stat_user_tables")) {
					while (rows.next()) {
						counts.put(database + "." + rows.getString(1),
								new long[] { rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5), 0 });
					}
				}
				try (ResultSet row = statement
					.executeQuery("select xact_commit from pg_stat_database where datname = current_database()")) {
					row.next();
					counts.put(database, new long[] { 0, 0, 0, 0, row.getLong(1) });
				}
			}
			catch (SQLException ex) {
				System.out.println("  census: cannot read " + database + ": " + ex.getMessage());
			}
		}
		return counts;
	}

	/**
	 * Prints the counts per order.
	 * @param orders the orders confirmed in the window
	 * @param summary where the totals per order go, for bench/compare.sh
	 */
	void print(long orders, Map<String, String> summary) {
		if (this.databases.isEmpty() || orders == 0 || this.atEnd.isEmpty()) {
			return;
		}
		System.out
			.printf("%nPostgreSQL's own counts per confirmed order in the window (%d orders; pg_stat_user_tables, "
					+ "pg_stat_database):%n", orders);
		System.out.printf("  %-52s %8s %8s %8s %8s %8s%n", "database.table", "inserts", "updates", "deletes", "scans",
				"commits");
		long[] total = new long[5];
		long messagesOut = 0;
		long messagesIn = 0;
		Map<String, long[]> rows = new LinkedHashMap<>();
		for (Map.Entry<String, long[]> entry : this.atEnd.entrySet()) {
			long[] before = this.atStart.getOrDefault(entry.getKey(), new long[5]);
			long[] delta = new long[5];
			boolean any = false;
			for (int i = 0; i < 5; i++) {
				delta[i] = entry.getValue()[i] - before[i];
				total[i] += delta[i];
				any |= delta[i] != 0;
			}
			if (any) {
				rows.put(entry.getKey(), delta);
			}
			if (entry.getKey().endsWith(".outbox")) {
				messagesOut += delta[0];
			}
			if (entry.getKey().endsWith(".inbox")) {
				messagesIn += delta[0];
			}
		}
		rows.forEach((name, delta) -> System.out.printf("  %-52s %8.2f %8.2f %8.2f %8.2f %8.2f%n", name,
				(double) delta[0] / orders, (double) delta[1] / orders, (double) delta[2] / orders,
				(double) delta[3] / orders, (double) delta[4] / orders));
		System.out.printf("  %-52s %8.2f %8.2f %8.2f %8.2f %8.2f%n", "all", (double) total[0] / orders,
				(double) total[1] / orders, (double) total[2] / orders, (double) total[3] / orders,
				(double) total[4] / orders);
		System.out.printf("  messages per order: %.2f sent through outboxes, %.2f taken through inboxes%n",
				(double) messagesOut / orders, (double) messagesIn / orders);
		summary.put("pg_rows_written_per_order", "%.1f".formatted((double) (total[0] + total[1] + total[2]) / orders));
		summary.put("pg_commits_per_order", "%.1f".formatted((double) total[4] / orders));
		summary.put("messages_per_order", "%.2f".formatted((double) messagesOut / orders));
	}

}
