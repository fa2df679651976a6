/**
 * The card payment provider, simulated: which tokens it approves and declines, and why.
 */
@NullMarked
package dev.shopfront.payment.provider;

import org.jspecify.annotations.NullMarked;
