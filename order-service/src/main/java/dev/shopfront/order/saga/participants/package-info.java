/**
 * The saga's participants as proxies: inventory-service over REST (timeouts, retry,
 * circuit breaker), payment-service over messages (its commands).
 */
@NullMarked
package dev.shopfront.order.saga.participants;

import org.jspecify.annotations.NullMarked;
