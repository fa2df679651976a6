/**
 * The saga's commands to payment-service: authorise, refund.
 */
@NullMarked
package dev.shopfront.payment.charge.messaging;

import org.jspecify.annotations.NullMarked;
