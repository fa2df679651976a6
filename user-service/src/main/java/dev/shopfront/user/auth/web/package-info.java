/**
 * {@code /api/auth}: sign-in, refresh, logout, password change, service tokens, and their
 * problems.
 */
@NullMarked
package dev.shopfront.user.auth.web;

import org.jspecify.annotations.NullMarked;
