package dev.shopfront.payment.charge.messaging;

import java.util.UUID;

import dev.shopfront.chassis.messaging.IncomingMessage;
import dev.shopfront.payment.charge.PaymentRequests;
import dev.shopfront.payment.charge.PaymentRequests.InvalidRequest;
import dev.shopfront.payment.charge.messaging.PaymentCommands.AuthorizePaymentV1;
import dev.shopfront.payment.charge.messaging.PaymentCommands.RefundPaymentV1;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PaymentCommandsTests {

	private final UUID order = UUID.randomUUID();

	private final UUID user = UUID.randomUUID();

	@Test
	void readsAnAuthorizeCommandAndIgnoresWhatItDoesNotNeed() {
		AuthorizePaymentV1 command = IncomingMessage.readData("""
				{"orderId": "%s", "userId": "%s", "amount": "59.98", "currency": "EUR", "cardToken": "tok_visa",
				 "items": [{"sku": "KIT-0001"}], "somethingNew": true}
				""".formatted(this.order, this.user), AuthorizePaymentV1.class);
		PaymentRequests.Authorize request = command.toRequest();
		assertThat(request.orderId()).isEqualTo(this.order);
		assertThat(request.userId()).isEqualTo(this.user);
		assertThat(request.amount()).hasToString("59.98");
		assertThat(request.currency()).isEqualTo("EUR");
		assertThat(request.card().value()).isEqualTo("tok_visa");
	}

	@Test
	void aMissingCardTokenIsAnEmptyOneWhichTheProviderDeclines() {
		AuthorizePaymentV1 command = new AuthorizePaymentV1(this.order, this.user, "1.00", "EUR", null);
		assertThat(command.toRequest().card().value()).isEmpty();
	}

	@Test
	void aCommandWithoutWhatItNeedsIsInvalid() {
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> new AuthorizePaymentV1(this.order, null, "1.00", "EUR", "tok_visa").toRequest())
			.withMessage("userId is missing");
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> new RefundPaymentV1(this.order, UUID.randomUUID(), "1.00", "EUR", null).toRequest())
			.withMessage("reason is missing");
	}

	@Test
	void theCardTokenDoesNotShowInTheCommandsText() {
		AuthorizePaymentV1 command = new AuthorizePaymentV1(this.order, this.user, "1.00", "EUR", "tok_secret_42");
		assertThat(command.toString()).doesNotContain("tok_secret_42").contains(this.order.toString());
	}

	@Test
	void readsARefundCommand() {
		UUID payment = UUID.randomUUID();
		PaymentRequests.Refund request = IncomingMessage.readData("""
				{"orderId": "%s", "paymentId": "%s", "amount": "59.98", "currency": "EUR", "reason": "PAYMENT_TIMEOUT"}
				""".formatted(this.order, payment), RefundPaymentV1.class).toRequest();
		assertThat(request.paymentId()).isEqualTo(payment);
		assertThat(request.amount()).hasToString("59.98");
		assertThat(request.reason()).isEqualTo("PAYMENT_TIMEOUT");
	}

}
