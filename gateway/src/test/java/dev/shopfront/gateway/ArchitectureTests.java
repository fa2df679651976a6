package dev.shopfront.gateway;

import dev.shopfront.testsupport.architecture.ModuleArchitectureTests;

/**
 * The gateway has no domain, so the services' layout does not apply; it keeps the rules
 * of every module: no package cycles, no service's code, only the chassis.
 */
class ArchitectureTests extends ModuleArchitectureTests {

}
