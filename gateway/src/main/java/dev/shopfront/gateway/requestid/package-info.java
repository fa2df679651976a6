/**
 * The {@code X-Request-Id} every request carries through the gateway.
 */
@NullMarked
package dev.shopfront.gateway.requestid;

import org.jspecify.annotations.NullMarked;
