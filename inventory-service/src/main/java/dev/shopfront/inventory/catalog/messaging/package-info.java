/**
 * Messages the catalog reads. Today only scaffolding of the migration from the legacy
 * monolith (docs/migration.md): the catalog's changes captured from the monolith's
 * database arrive as {@code legacy.product-changed} events and are applied here,
 * idempotently and in order per SKU, so inventory-service stays the only writer of its
 * database. Removed when the migration is over.
 */
@NullMarked
package dev.shopfront.inventory.catalog.messaging;

import org.jspecify.annotations.NullMarked;
