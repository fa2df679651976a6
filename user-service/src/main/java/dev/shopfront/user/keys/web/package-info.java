/**
 * {@code /.well-known/jwks.json}: the public key every service checks tokens with.
 */
@NullMarked
package dev.shopfront.user.keys.web;

import org.jspecify.annotations.NullMarked;
