/**
 * Whom e-mails go to: each user's address, name and whether the address is verified, as
 * user-service last said.
 */
@NullMarked
package dev.shopfront.notification.recipient;

import org.jspecify.annotations.NullMarked;
