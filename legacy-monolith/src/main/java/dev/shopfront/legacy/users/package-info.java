/**
 * The monolith's users, learnt from the tokens of the shared issuer.
 */
@NullMarked
package dev.shopfront.legacy.users;

import org.jspecify.annotations.NullMarked;
