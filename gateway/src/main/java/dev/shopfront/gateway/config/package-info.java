/**
 * The gateway's settings, under {@code shopfront.gateway}.
 */
@NullMarked
package dev.shopfront.gateway.config;

import org.jspecify.annotations.NullMarked;
