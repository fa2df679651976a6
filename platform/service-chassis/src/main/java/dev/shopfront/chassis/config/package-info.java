/**
 * What every service starts from: the chassis defaults (logging, pools, actuator), its
 * settings under {@code shopfront.chassis}, and the clock.
 */
@NullMarked
package dev.shopfront.chassis.config;

import org.jspecify.annotations.NullMarked;
