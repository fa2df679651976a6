/**
 * Accounts: registration, profile, e-mail verification, and the events that announce
 * them.
 */
@NullMarked
package dev.shopfront.user.account;

import org.jspecify.annotations.NullMarked;
