/**
 * PostgreSQL and RabbitMQ for tests (Testcontainers when Docker is reachable, the local
 * servers otherwise), a fresh database and virtual host per test context, and JWT
 * minting.
 */
@NullMarked
package dev.shopfront.testsupport;

import org.jspecify.annotations.NullMarked;
