/**
 * An order and its life: the aggregate that guards its transitions, its fulfilment after
 * the saga, its queries, its events.
 */
@NullMarked
package dev.shopfront.order.lifecycle;

import org.jspecify.annotations.NullMarked;
