package dev.shopfront.notification;

import dev.shopfront.testsupport.api.ServiceApiDocumentTests;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The API documents notification-service serves are the committed ones in
 * {@code docs/api/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocumentIntegrationTests extends ServiceApiDocumentTests {

}
