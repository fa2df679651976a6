/**
 * Change data capture: Debezium reads the monolith's {@code products} table through
 * PostgreSQL logical decoding and every change goes to RabbitMQ as a
 * {@code legacy.product-changed} event, which inventory-service applies. Offsets are
 * committed only after the broker confirmed the batch and a queue took it, so a crash
 * repeats changes (the service applies them idempotently) and never loses one.
 */
@NullMarked
package dev.shopfront.migrationsync.capture;

import org.jspecify.annotations.NullMarked;
