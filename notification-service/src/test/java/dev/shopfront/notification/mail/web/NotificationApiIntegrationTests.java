package dev.shopfront.notification.mail.web;

import java.util.UUID;

import dev.shopfront.notification.NotificationServiceIntegrationTest;
import dev.shopfront.testsupport.JwtMinter;
import dev.shopfront.testsupport.ProblemAssertions;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.shopfront.testsupport.ProblemAssertions.assertInvalid;
import static dev.shopfront.testsupport.ProblemAssertions.assertProblem;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code GET /api/notifications}: a customer sees their own notification log, newest
 * first and paged; an administrator anyone's with {@code ?userId=}; a customer who asks
 * for another user's gets a 403, a caller without a valid token a 401.
 */
class NotificationApiIntegrationTests extends NotificationServiceIntegrationTest {

	private final UUID customer = UUID.randomUUID();

	private final UUID order = UUID.randomUUID();

	private final String email = address("customer");

	private RequestSpecification as(String token) {
		return RestAssured.given().port(this.port).auth().oauth2(token);
	}

	private RequestSpecification asCustomer() {
		return as(JwtMinter.shared().customer(this.customer));
	}

	/** A welcome, a confirmation and a cancellation, recorded in that order and sent. */
	@BeforeEach
	void threeEmails() {
		register(this.customer, this.email, "Katherine Johnson");
		await().atMost(WAIT).until(() -> rows(this.customer).size() == 1);
		publish(orderConfirmed(this.order, this.customer));
		await().atMost(WAIT).until(() -> rows(this.customer).size() == 2);
		publish(orderCancelled(this.order, this.customer, "CUSTOMER_REQUEST"));
		await().atMost(WAIT).until(() -> rows(this.customer).size() == 3);
		awaitNothingPending(this.customer);
	}

	@Test
	void theCustomerSeesTheirNotificationsNewestFirst() {
		String shortId = this.order.toString().substring(0, 8).toUpperCase();
		asCustomer().get("/api/notifications")
			.then()
			.statusCode(200)
			.contentType("application/json")
			.body("content", hasSize(3))
			.body("content.template", contains("ORDER_CANCELLED", "ORDER_CONFIRMED", "WELCOME"))
			.body("content.subject",
					contains("Your Shopfront order " + shortId + " was cancelled",
							"Your Shopfront order " + shortId + " is confirmed", "Welcome to Shopfront"))
			.body("content.recipient", everyItem(equalTo(this.email)))
			.body("content.status", everyItem(equalTo("SENT")))
			.body("content.attempts", everyItem(equalTo(1)))
			.body("content.id", everyItem(notNullValue()))
			.body("content.createdAt", everyItem(notNullValue()))
			.body("content.sentAt", everyItem(notNullValue()))
			.body("content", everyItem(not(hasKey("lastError"))))
			.body("content[0].orderId", equalTo(this.order.toString()))
			.body("content[1].orderId", equalTo(this.order.toString()))
			.body("content[2]", not(hasKey("orderId")))
			.body("page.number", equalTo(0))
			.body("page.size", equalTo(20))
			.body("page.totalElements", equalTo(3))
			.body("page.totalPages", equalTo(1));
	}

	@Test
	void theLogIsPaged() {
		asCustomer().get("/api/notifications?page=1&size=2")
			.then()
			.statusCode(200)
			.body("content.template", contains("WELCOME"))
			.body("page.number", equalTo(1))
			.body("page.size", equalTo(2))
			.body("page.totalElements", equalTo(3))
			.body("page.totalPages", equalTo(2));
		asCustomer().get("/api/notifications?page=5")
			.then()
			.statusCode(200)
			.body("content", hasSize(0))
			.body("page.totalElements", equalTo(3));
	}

	@Test
	void theCustomerMayNameThemselvesButNoOneElse() {
		asCustomer().get("/api/notifications?userId=" + this.customer)
			.then()
			.statusCode(200)
			.body("content", hasSize(3));
		assertProblem(asCustomer().get("/api/notifications?userId=" + UUID.randomUUID()).then(), 403, "forbidden");
		assertProblem(
				as(JwtMinter.shared().customer(UUID.randomUUID())).get("/api/notifications?userId=" + this.customer)
					.then(),
				403, "forbidden");
	}

	@Test
	void anAdministratorSeesAnyonesLog() {
		as(JwtMinter.shared().admin()).get("/api/notifications?userId=" + this.customer)
			.then()
			.statusCode(200)
			.body("content", hasSize(3))
			.body("content[0].recipient", equalTo(this.email))
			.body("page.totalElements", equalTo(3));
		// without userId, their own (none)
		as(JwtMinter.shared().admin()).get("/api/notifications")
			.then()
			.statusCode(200)
			.body("content", hasSize(0))
			.body("page.totalElements", equalTo(0))
			.body("page.totalPages", equalTo(0));
	}

	@Test
	void anotherCustomerSeesNothingOfIt() {
		as(JwtMinter.shared().customer(UUID.randomUUID())).get("/api/notifications")
			.then()
			.statusCode(200)
			.body("content", hasSize(0));
	}

	@Test
	void aServiceAccountHasNoLogOfItsOwn() {
		assertProblem(as(JwtMinter.shared().service("order-service")).get("/api/notifications").then(), 403,
				"forbidden");
		assertProblem(as(JwtMinter.shared().service("order-service")).get("/api/notifications?userId=" + this.customer)
			.then(), 403, "forbidden");
	}

	@Test
	void badParametersAreValidationProblems() {
		assertInvalid(asCustomer().get("/api/notifications?userId=42").then(), "userId");
		assertInvalid(asCustomer().get("/api/notifications?size=0").then(), "size");
		assertInvalid(asCustomer().get("/api/notifications?size=101").then(), "size");
		assertInvalid(asCustomer().get("/api/notifications?page=-1").then(), "page");
	}

	@Test
	void needsAValidToken() {
		ProblemAssertions.assertNeedsAValidToken(this.port, "/api/notifications");
	}

}
