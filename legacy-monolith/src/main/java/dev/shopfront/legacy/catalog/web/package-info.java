/**
 * The catalog's public API, the same paths and shapes as inventory-service's.
 */
@NullMarked
package dev.shopfront.legacy.catalog.web;

import org.jspecify.annotations.NullMarked;
