/**
 * {@code /api/products}: the catalog over HTTP, and its problems.
 */
@NullMarked
package dev.shopfront.inventory.catalog.web;

import org.jspecify.annotations.NullMarked;
