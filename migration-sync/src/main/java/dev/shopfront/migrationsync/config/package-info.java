/**
 * ADMIN-only endpoints and the two read-only database pools.
 */
@NullMarked
package dev.shopfront.migrationsync.config;

import org.jspecify.annotations.NullMarked;
