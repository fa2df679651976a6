/**
 * Who may do what.
 */
@NullMarked
package dev.shopfront.legacy.config;

import org.jspecify.annotations.NullMarked;
