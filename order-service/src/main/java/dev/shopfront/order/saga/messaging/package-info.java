/**
 * The participants' messages that move the saga: payment replies, expired reservations.
 */
@NullMarked
package dev.shopfront.order.saga.messaging;

import org.jspecify.annotations.NullMarked;
