/**
 * notification-service: e-mails from events and the notification log.
 */
@NullMarked
package dev.shopfront.notification;

import org.jspecify.annotations.NullMarked;
