package dev.shopfront.shipping;

import dev.shopfront.testsupport.architecture.ServiceArchitectureTests;

/**
 * shipping-service, whose features are shipments, keeps the layout of every service.
 */
class ArchitectureTests extends ServiceArchitectureTests {

}
