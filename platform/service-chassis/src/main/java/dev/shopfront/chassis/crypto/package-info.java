/**
 * Hashes and random tokens, the same way in every service.
 */
@NullMarked
package dev.shopfront.chassis.crypto;

import org.jspecify.annotations.NullMarked;
