/**
 * Strangling a legacy application one route at a time: per route, a migration mode held
 * in Redis and changed at run time by ADMINs ({@code legacy}, {@code shadow},
 * {@code canary} with a share, {@code service}), a sticky canary split, shadow comparison
 * off the client's path, and measurements per upstream to judge a step by.
 */
@NullMarked
package dev.shopfront.gateway.migration;

import org.jspecify.annotations.NullMarked;
