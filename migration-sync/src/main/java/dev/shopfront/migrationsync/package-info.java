/**
 * The data side of the migration (docs/migration.md): the catalog's rows copied from the
 * legacy monolith's database to inventory-service by change data capture, and compared
 * until both sides hold the same.
 */
@NullMarked
package dev.shopfront.migrationsync;

import org.jspecify.annotations.NullMarked;
