/**
 * Validation rules every service applies the same way.
 */
@NullMarked
package dev.shopfront.chassis.validation;

import org.jspecify.annotations.NullMarked;
