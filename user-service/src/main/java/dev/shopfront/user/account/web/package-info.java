/**
 * {@code /api/users}: accounts over HTTP, and their problems.
 */
@NullMarked
package dev.shopfront.user.account.web;

import org.jspecify.annotations.NullMarked;
