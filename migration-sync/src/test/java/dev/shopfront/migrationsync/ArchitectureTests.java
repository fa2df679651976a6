package dev.shopfront.migrationsync;

import dev.shopfront.testsupport.architecture.ModuleArchitectureTests;

/**
 * The migration sync keeps the rules every module keeps (no cycles, no other module's
 * packages, null-marked packages).
 */
class ArchitectureTests extends ModuleArchitectureTests {

}
