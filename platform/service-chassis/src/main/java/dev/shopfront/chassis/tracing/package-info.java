/**
 * Trace context that outlives a request: kept with a row, continued by the work a poller
 * or relay does for it later.
 */
@NullMarked
package dev.shopfront.chassis.tracing;

import org.jspecify.annotations.NullMarked;
