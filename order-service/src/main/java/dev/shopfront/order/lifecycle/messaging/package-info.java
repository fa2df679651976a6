/**
 * shipping-service's events, which move a confirmed order on.
 */
@NullMarked
package dev.shopfront.order.lifecycle.messaging;

import org.jspecify.annotations.NullMarked;
