/**
 * The integration event the capture publishes: versioned records, the contract with
 * inventory-service ({@code docs/events/schemas}).
 */
@NullMarked
package dev.shopfront.migrationsync.capture.events;

import org.jspecify.annotations.NullMarked;
