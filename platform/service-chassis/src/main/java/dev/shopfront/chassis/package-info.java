/**
 * Technical concerns every Shopfront service needs the same way; never a business type.
 */
@NullMarked
package dev.shopfront.chassis;

import org.jspecify.annotations.NullMarked;
