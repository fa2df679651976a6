/**
 * HTTP every service shares: RFC 9457 problems for every error, request size limits,
 * rejected requests as 400s.
 */
@NullMarked
package dev.shopfront.chassis.web;

import org.jspecify.annotations.NullMarked;
