package dev.shopfront.payment;

import dev.shopfront.testsupport.architecture.ServiceArchitectureTests;

/**
 * payment-service, whose features are charges and the simulated card provider, keeps the
 * layout of every service.
 */
class ArchitectureTests extends ServiceArchitectureTests {

}
