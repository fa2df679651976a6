/**
 * The e-mails the monolith sends itself, and its record of them.
 */
@NullMarked
package dev.shopfront.legacy.notifications;

import org.jspecify.annotations.NullMarked;
