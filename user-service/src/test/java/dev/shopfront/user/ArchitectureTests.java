package dev.shopfront.user;

import dev.shopfront.testsupport.architecture.ServiceArchitectureTests;

/**
 * user-service, whose features are accounts (registration, profile, verification),
 * authentication and the signing key, keeps the layout of every service.
 */
class ArchitectureTests extends ServiceArchitectureTests {

}
