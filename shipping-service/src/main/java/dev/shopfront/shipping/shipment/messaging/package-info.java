/**
 * Order events that start and stop shipments.
 */
@NullMarked
package dev.shopfront.shipping.shipment.messaging;

import org.jspecify.annotations.NullMarked;
