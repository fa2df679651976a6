/**
 * Errors that Tomcat answers itself, before the application sees the request, as problems
 * too.
 */
@NullMarked
package dev.shopfront.gateway.errors;

import org.jspecify.annotations.NullMarked;
