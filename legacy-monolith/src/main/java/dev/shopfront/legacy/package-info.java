/**
 * The legacy monolith: one application, one database, modules calling each other in
 * process. It exists to be strangled (docs/migration.md), not to be a second shop.
 */
@NullMarked
package dev.shopfront.legacy;

import org.jspecify.annotations.NullMarked;
