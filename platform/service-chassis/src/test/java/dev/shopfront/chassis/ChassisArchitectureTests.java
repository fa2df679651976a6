package dev.shopfront.chassis;

import dev.shopfront.testsupport.architecture.ModuleArchitectureTests;

/**
 * The chassis holds technical concerns only: its packages form no cycle, and it names no
 * service.
 */
class ChassisArchitectureTests extends ModuleArchitectureTests {

}
