package dev.shopfront.payment.charge.web;

import java.io.IOException;
import java.util.UUID;

import dev.shopfront.payment.PaymentServiceIntegrationTest;
import dev.shopfront.testsupport.JwtMinter;
import dev.shopfront.testsupport.ProblemAssertions;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import static dev.shopfront.testsupport.ProblemAssertions.assertInvalid;
import static dev.shopfront.testsupport.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code GET /api/payments?orderId=}: the customer who placed the order and
 * administrators see its payments with their refunds; anyone else gets a 404, an order
 * without payments an empty list.
 */
class PaymentApiIntegrationTests extends PaymentServiceIntegrationTest {

	private final UUID customer = UUID.randomUUID();

	private RequestSpecification as(String token) {
		return RestAssured.given().port(this.port).auth().oauth2(token);
	}

	private RequestSpecification asCustomer() {
		return as(JwtMinter.shared().customer(this.customer));
	}

	@Test
	void theCustomerSeesTheOrdersPaymentAndItsRefund() throws IOException {
		UUID order = UUID.randomUUID();
		String paymentId = data(authorize(order, this.customer, "59.98", "tok_mastercard")).get("paymentId").asText();
		asCustomer().get("/api/payments?orderId=" + order)
			.then()
			.statusCode(200)
			.contentType("application/json")
			.body("", hasSize(1))
			.body("[0].id", equalTo(paymentId))
			.body("[0].orderId", equalTo(order.toString()))
			.body("[0].status", equalTo("AUTHORIZED"))
			.body("[0].amount", equalTo("59.98"))
			.body("[0].currency", equalTo("EUR"))
			.body("[0].cardBrand", equalTo("mastercard"))
			.body("[0].declineReason", nullValue())
			.body("[0].createdAt", notNullValue())
			.body("[0].refund", nullValue());

		send(refundCommand(order, UUID.fromString(paymentId), "59.98", "CUSTOMER_REQUEST"));
		awaitEvents(order, 2);
		asCustomer().get("/api/payments?orderId=" + order)
			.then()
			.statusCode(200)
			.body("[0].status", equalTo("REFUNDED"))
			.body("[0].refund.id", notNullValue())
			.body("[0].refund.amount", equalTo("59.98"))
			.body("[0].refund.currency", equalTo("EUR"))
			.body("[0].refund.reason", equalTo("CUSTOMER_REQUEST"))
			.body("[0].refund.createdAt", notNullValue());
	}

	@Test
	void theCustomerSeesWhyAPaymentWasDeclined() {
		UUID order = UUID.randomUUID();
		authorize(order, this.customer, "5.00", "tok_chargeDeclined");
		asCustomer().get("/api/payments?orderId=" + order)
			.then()
			.statusCode(200)
			.body("", hasSize(1))
			.body("[0].status", equalTo("DECLINED"))
			.body("[0].declineReason", equalTo("card_declined"))
			.body("[0].cardBrand", equalTo("visa"))
			.body("[0].amount", equalTo("5.00"));
	}

	@Test
	void anotherUsersPaymentsAreNotFoundButAnAdministratorSeesThem() {
		UUID order = UUID.randomUUID();
		authorize(order, this.customer, "19.99", "tok_visa");
		assertProblem(as(JwtMinter.shared().customer(UUID.randomUUID())).get("/api/payments?orderId=" + order).then(),
				404, "not-found");
		as(JwtMinter.shared().admin()).get("/api/payments?orderId=" + order)
			.then()
			.statusCode(200)
			.body("", hasSize(1))
			.body("[0].amount", equalTo("19.99"));
	}

	@Test
	void anOrderWithoutPaymentsHasNone() {
		asCustomer().get("/api/payments?orderId=" + UUID.randomUUID()).then().statusCode(200).body("", hasSize(0));
		as(JwtMinter.shared().admin()).get("/api/payments?orderId=" + UUID.randomUUID())
			.then()
			.statusCode(200)
			.body("", hasSize(0));
	}

	@Test
	void theOrderIdMustBeAUuid() {
		assertInvalid(asCustomer().get("/api/payments?orderId=42").then(), "orderId");
		assertInvalid(asCustomer().get("/api/payments").then(), "orderId");
	}

	@Test
	void needsAValidToken() {
		ProblemAssertions.assertNeedsAValidToken(this.port, "/api/payments?orderId=" + UUID.randomUUID());
	}

	@Test
	void aServiceTokenSeesNoOnesPayments() {
		UUID order = UUID.randomUUID();
		authorize(order, this.customer, "7.00", "tok_visa");
		assertProblem(as(JwtMinter.shared().service("order-service")).get("/api/payments?orderId=" + order).then(), 404,
				"not-found");
	}

}
