/**
 * Messaging done once for every service: the transactional outbox and its relay, the
 * inbox, consumers with retries and dead-letter queues, CloudEvents envelopes, one trace
 * across the broker.
 */
@NullMarked
package dev.shopfront.chassis.messaging;

import org.jspecify.annotations.NullMarked;
