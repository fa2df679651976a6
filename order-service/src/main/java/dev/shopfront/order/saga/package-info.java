/**
 * Placing an order, as one orchestrated saga:
 * {@link dev.shopfront.order.saga.PlaceOrderSaga} decides,
 * {@link dev.shopfront.order.saga.PlaceOrderSagaOrchestrator} carries the decisions out,
 * the participants (sub-package) are inventory-service and payment-service.
 */
@NullMarked
package dev.shopfront.order.saga;

import org.jspecify.annotations.NullMarked;
