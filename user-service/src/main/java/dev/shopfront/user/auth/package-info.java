/**
 * Signing in: passwords checked with throttling, access and refresh tokens issued,
 * service tokens for service accounts.
 */
@NullMarked
package dev.shopfront.user.auth;

import org.jspecify.annotations.NullMarked;
