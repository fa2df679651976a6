/**
 * payment-service: payments, refunds and the simulated payment provider.
 */
@NullMarked
package dev.shopfront.payment;

import org.jspecify.annotations.NullMarked;
