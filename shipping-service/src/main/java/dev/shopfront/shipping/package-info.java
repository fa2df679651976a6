/**
 * shipping-service: shipments of confirmed orders and their lifecycle.
 */
@NullMarked
package dev.shopfront.shipping;

import org.jspecify.annotations.NullMarked;
