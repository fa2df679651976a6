/**
 * user-service's wiring: security and its settings.
 */
@NullMarked
package dev.shopfront.user.config;

import org.jspecify.annotations.NullMarked;
