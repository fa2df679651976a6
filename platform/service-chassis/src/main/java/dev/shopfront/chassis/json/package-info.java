/**
 * How every service reads JSON.
 */
@NullMarked
package dev.shopfront.chassis.json;

import org.jspecify.annotations.NullMarked;
