/**
 * Routes from public paths to the services, and the answers when a service fails.
 */
@NullMarked
package dev.shopfront.gateway.routing;

import org.jspecify.annotations.NullMarked;
