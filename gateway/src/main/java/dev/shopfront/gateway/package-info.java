/**
 * The gateway: the one public entry point of Shopfront, in front of every service.
 */
@NullMarked
package dev.shopfront.gateway;

import org.jspecify.annotations.NullMarked;
