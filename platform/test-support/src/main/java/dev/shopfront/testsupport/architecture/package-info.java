/**
 * The architecture rules every module's ArchitectureTests check.
 */
@NullMarked
package dev.shopfront.testsupport.architecture;

import org.jspecify.annotations.NullMarked;
