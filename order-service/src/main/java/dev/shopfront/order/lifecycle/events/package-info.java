/**
 * The order events order-service publishes, versioned records that name nothing of the
 * domain.
 */
@NullMarked
package dev.shopfront.order.lifecycle.events;

import org.jspecify.annotations.NullMarked;
