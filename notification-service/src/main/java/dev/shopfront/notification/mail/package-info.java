/**
 * The e-mails: rendered from templates, stored before they are sent, sent with retries
 * and backoff, each at most once.
 */
@NullMarked
package dev.shopfront.notification.mail;

import org.jspecify.annotations.NullMarked;
