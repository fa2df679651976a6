/**
 * The token check at the gateway, the first line of defence.
 */
@NullMarked
package dev.shopfront.gateway.security;

import org.jspecify.annotations.NullMarked;
