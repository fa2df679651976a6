/**
 * notification-service's wiring: security and its settings.
 */
@NullMarked
package dev.shopfront.notification.config;

import org.jspecify.annotations.NullMarked;
