/**
 * Resource-server security every service shares: tokens checked against user-service's
 * keys, callers and their roles.
 */
@NullMarked
package dev.shopfront.chassis.security;

import org.jspecify.annotations.NullMarked;
