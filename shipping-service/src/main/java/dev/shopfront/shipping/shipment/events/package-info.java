/**
 * The shipment events shipping-service publishes.
 */
@NullMarked
package dev.shopfront.shipping.shipment.events;

import org.jspecify.annotations.NullMarked;
