/**
 * The services' OpenAPI documents as a contract: the committed copies in
 * {@code docs/api/}, the check that a running service still serves them, and the check
 * that a change breaks no client unless it is marked.
 */
@NullMarked
package dev.shopfront.testsupport.api;

import org.jspecify.annotations.NullMarked;
