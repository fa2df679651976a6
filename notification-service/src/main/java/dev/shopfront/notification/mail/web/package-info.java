/**
 * {@code /api/notifications}: a user's notifications over HTTP, and their problems.
 */
@NullMarked
package dev.shopfront.notification.mail.web;

import org.jspecify.annotations.NullMarked;
