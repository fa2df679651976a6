/**
 * What order-service knows of its customers: their default shipping address, as user-
 * service last said.
 */
@NullMarked
package dev.shopfront.order.customer;

import org.jspecify.annotations.NullMarked;
