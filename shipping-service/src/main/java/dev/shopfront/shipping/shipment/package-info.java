/**
 * Shipments: created for confirmed orders, dispatched and delivered, a lifecycle the
 * aggregate guards.
 */
@NullMarked
package dev.shopfront.shipping.shipment;

import org.jspecify.annotations.NullMarked;
