package dev.shopfront.notification;

import dev.shopfront.testsupport.architecture.ServiceArchitectureTests;

/**
 * notification-service, whose features are the e-mails and their recipients, keeps the
 * layout of every service.
 */
class ArchitectureTests extends ServiceArchitectureTests {

}
