/**
 * user-service's events, which keep the customers up to date.
 */
@NullMarked
package dev.shopfront.order.customer.messaging;

import org.jspecify.annotations.NullMarked;
