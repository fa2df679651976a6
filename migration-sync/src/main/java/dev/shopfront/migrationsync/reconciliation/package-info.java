/**
 * Continuous comparison of the monolith's catalog with the service's: counts and a
 * checksum per row of the migrated columns, as a metric and an ADMIN report. Writes may
 * be cut over only while the difference is zero rows.
 */
@NullMarked
package dev.shopfront.migrationsync.reconciliation;

import org.jspecify.annotations.NullMarked;
