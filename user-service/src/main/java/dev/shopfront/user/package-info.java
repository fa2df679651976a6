/**
 * user-service: accounts, login, tokens and JWKS, profile and preferences.
 */
@NullMarked
package dev.shopfront.user;

import org.jspecify.annotations.NullMarked;
