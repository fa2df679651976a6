/**
 * Request rate limits per client IP and per user, counted in Redis.
 */
@NullMarked
package dev.shopfront.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
