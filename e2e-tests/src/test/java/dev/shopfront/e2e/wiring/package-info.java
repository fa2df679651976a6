/**
 * The services' wiring (who depends on whom) and the dependency-counting table generated
 * from it into {@code docs/dependencies.md}.
 */
package dev.shopfront.e2e.wiring;
