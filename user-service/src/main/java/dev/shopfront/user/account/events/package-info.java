/**
 * The user events user-service publishes, versioned records that name nothing of the
 * domain.
 */
@NullMarked
package dev.shopfront.user.account.events;

import org.jspecify.annotations.NullMarked;
