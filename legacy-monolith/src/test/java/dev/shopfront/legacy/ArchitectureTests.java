package dev.shopfront.legacy;

import dev.shopfront.testsupport.architecture.ModuleArchitectureTests;

/**
 * The monolith keeps the rules every module keeps (no cycles, no other module's packages,
 * null-marked packages); it is not held to the services' layout.
 */
class ArchitectureTests extends ModuleArchitectureTests {

}
