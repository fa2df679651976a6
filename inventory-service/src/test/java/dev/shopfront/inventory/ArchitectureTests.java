package dev.shopfront.inventory;

import dev.shopfront.testsupport.architecture.ServiceArchitectureTests;

/**
 * inventory-service, whose features are the catalog and the reservations of stock, keeps
 * the layout of every service.
 */
class ArchitectureTests extends ServiceArchitectureTests {

}
