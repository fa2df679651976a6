package dev.shopfront.payment.charge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.shopfront.payment.charge.PaymentExceptions.RefundMismatch;
import dev.shopfront.payment.provider.CardBrand;
import dev.shopfront.payment.provider.CardToken;
import dev.shopfront.payment.provider.DeclineReason;
import dev.shopfront.payment.provider.ProviderDecision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A payment's lifecycle: decided once, refunded at most once and only when authorised.
 */
class PaymentTests {

	private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

	private final UUID order = UUID.randomUUID();

	private final PaymentRequests.Authorize charge = new PaymentRequests.Authorize(this.order, UUID.randomUUID(),
			new BigDecimal("59.98"), "EUR", new CardToken("tok_visa"));

	@Test
	void theProvidersApprovalIsAnAuthorizedPayment() {
		Payment payment = Payment.decide(this.charge, ProviderDecision.approved(CardBrand.VISA), NOW);
		assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZED);
		assertThat(payment.orderId()).isEqualTo(this.order);
		assertThat(payment.amount()).isEqualByComparingTo("59.98");
		assertThat(payment.declineReason()).isNull();
		assertThat(payment.refund()).isNull();
		assertThat(payment.createdAt()).isEqualTo(NOW);
	}

	@Test
	void theProvidersDeclineIsADeclinedPaymentWithItsReason() {
		Payment payment = Payment.decide(this.charge,
				ProviderDecision.declined(CardBrand.VISA, DeclineReason.INSUFFICIENT_FUNDS), NOW);
		assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(payment.declineReason()).isEqualTo(DeclineReason.INSUFFICIENT_FUNDS);
	}

	@Test
	void anAuthorizedPaymentIsRefundedInFullOnce() {
		Payment authorized = Payment.decide(this.charge, ProviderDecision.approved(CardBrand.VISA), NOW);
		Payment refunded = authorized.refund(refund(this.order, "59.98", "EUR"), NOW.plusSeconds(60)).orElseThrow();
		assertThat(refunded.status()).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(refunded.id()).isEqualTo(authorized.id());
		assertThat(refunded.refund()).isNotNull().satisfies((refund) -> {
			assertThat(refund.amount()).isEqualByComparingTo("59.98");
			assertThat(refund.reason()).isEqualTo("CUSTOMER_REQUEST");
			assertThat(refund.createdAt()).isEqualTo(NOW.plusSeconds(60));
		});
		assertThat(refunded.refund(refund(this.order, "59.98", "EUR"), NOW)).as("refunded already").isEmpty();
	}

	@Test
	void aDeclinedPaymentHasNothingToRefund() {
		Payment declined = Payment.decide(this.charge,
				ProviderDecision.declined(CardBrand.VISA, DeclineReason.CARD_DECLINED), NOW);
		assertThat(declined.refund(refund(this.order, "59.98", "EUR"), NOW)).isEmpty();
	}

	@Test
	void aRefundOfAnotherOrderAmountOrCurrencyIsRefused() {
		Payment authorized = Payment.decide(this.charge, ProviderDecision.approved(CardBrand.VISA), NOW);
		assertThatExceptionOfType(RefundMismatch.class)
			.isThrownBy(() -> authorized.refund(refund(UUID.randomUUID(), "59.98", "EUR"), NOW))
			.withMessageContaining("belongs to order " + this.order);
		assertThatExceptionOfType(RefundMismatch.class)
			.isThrownBy(() -> authorized.refund(refund(this.order, "59.99", "EUR"), NOW))
			.withMessageContaining("it is 59.98 EUR, not 59.99 EUR");
		assertThatExceptionOfType(RefundMismatch.class)
			.isThrownBy(() -> authorized.refund(refund(this.order, "59.98", "USD"), NOW));
		assertThat(authorized.refund(refund(this.order, "59.980", "EUR"), NOW)).as("the same amount").isPresent();
	}

	@Test
	void aPaymentCannotBeMadeInAStateTheLifecycleNeverReaches() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Payment(UUID.randomUUID(), this.order,
				UUID.randomUUID(), PaymentStatus.REFUNDED, BigDecimal.TEN, "EUR", CardBrand.VISA, null, NOW, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new Payment(UUID.randomUUID(), this.order,
				UUID.randomUUID(), PaymentStatus.DECLINED, BigDecimal.TEN, "EUR", CardBrand.VISA, null, NOW, null));
	}

	private static PaymentRequests.Refund refund(UUID orderId, String amount, String currency) {
		return new PaymentRequests.Refund(orderId, UUID.randomUUID(), new BigDecimal(amount), currency,
				"CUSTOMER_REQUEST");
	}

}
