/**
 * PostgreSQL and RabbitMQ for tests (Testcontainers when Docker is reachable, the local
 * servers otherwise), a fresh database and virtual host per test context, JWT minting,
 * and checks of event data against the schemas in {@code docs/events/schemas}.
 */
@NullMarked
package dev.shopfront.testsupport;

import org.jspecify.annotations.NullMarked;
