/**
 * The payment events payment-service publishes (the saga's replies).
 */
@NullMarked
package dev.shopfront.payment.charge.events;

import org.jspecify.annotations.NullMarked;
