/**
 * Every service's OpenAPI document, the same way: a {@code public} group (what the
 * gateway routes) and an {@code internal} one (what it does not), problem answers with
 * their stable types, and access (public, any user, or which roles) read from the
 * service's own security rules.
 */
@NullMarked
package dev.shopfront.chassis.openapi;

import org.jspecify.annotations.NullMarked;
