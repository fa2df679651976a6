/**
 * {@code /api/shipments}: shipments over HTTP, and their problems.
 */
@NullMarked
package dev.shopfront.shipping.shipment.web;

import org.jspecify.annotations.NullMarked;
