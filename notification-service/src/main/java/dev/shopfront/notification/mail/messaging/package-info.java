/**
 * The events that ask for an e-mail (user, order and shipment events).
 */
@NullMarked
package dev.shopfront.notification.mail.messaging;

import org.jspecify.annotations.NullMarked;
