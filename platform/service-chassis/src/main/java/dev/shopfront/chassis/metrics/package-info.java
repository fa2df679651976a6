/**
 * Business metrics that count only what committed.
 */
@NullMarked
package dev.shopfront.chassis.metrics;

import org.jspecify.annotations.NullMarked;
