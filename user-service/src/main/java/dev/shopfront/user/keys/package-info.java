/**
 * The key user-service signs tokens with.
 */
@NullMarked
package dev.shopfront.user.keys;

import org.jspecify.annotations.NullMarked;
