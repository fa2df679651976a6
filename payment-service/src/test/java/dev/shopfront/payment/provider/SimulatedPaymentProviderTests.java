package dev.shopfront.payment.provider;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import dev.shopfront.payment.config.PaymentProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SimulatedPaymentProviderTests {

	private final SimulatedPaymentProvider provider = new SimulatedPaymentProvider(
			new PaymentProperties(new PaymentProperties.Provider(Duration.ofMillis(150))));

	private ProviderDecision charge(String token) {
		return this.provider
			.authorize(new Charge(UUID.randomUUID(), new BigDecimal("59.98"), "EUR", new CardToken(token)));
	}

	@Test
	void approvesVisaAndMastercard() {
		assertThat(charge("tok_visa")).isEqualTo(ProviderDecision.approved(CardBrand.VISA));
		assertThat(charge("tok_mastercard")).isEqualTo(ProviderDecision.approved(CardBrand.MASTERCARD));
	}

	@ParameterizedTest
	@CsvSource({ "tok_chargeDeclined, CARD_DECLINED", "tok_insufficientFunds, INSUFFICIENT_FUNDS" })
	void declinesTheDecliningTestCards(String token, DeclineReason reason) {
		assertThat(charge(token)).isEqualTo(ProviderDecision.declined(CardBrand.VISA, reason));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "tok_", "tok_amex", "TOK_VISA", " tok_visa", "tok_visa ", "4242424242424242" })
	void declinesEveryOtherTokenAsInvalid(String token) {
		assertThat(charge(token))
			.isEqualTo(ProviderDecision.declined(CardBrand.UNKNOWN, DeclineReason.INVALID_CARD_TOKEN));
	}

	@Test
	void approvesTheSlowCardAfterTheConfiguredDelay() {
		long start = System.nanoTime();
		assertThat(charge("tok_slow")).isEqualTo(ProviderDecision.approved(CardBrand.VISA));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
	}

	@Test
	void theCardTokenDoesNotShowInAChargesText() {
		Charge charge = new Charge(UUID.randomUUID(), BigDecimal.TEN, "EUR", new CardToken("tok_visa"));
		assertThat(charge.toString()).doesNotContain("tok_visa").contains("redacted");
	}

	@Test
	void aDecisionHasAReasonExactlyWhenItIsADecline() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ProviderDecision(true, CardBrand.VISA, DeclineReason.CARD_DECLINED));
		assertThatIllegalArgumentException().isThrownBy(() -> new ProviderDecision(false, CardBrand.VISA, null));
	}

	@Test
	void brandsAndReasonsHaveTheContractsCodes() {
		assertThat(Coded.of(CardBrand.class, "mastercard")).isEqualTo(CardBrand.MASTERCARD);
		assertThat(Coded.of(DeclineReason.class, "insufficient_funds")).isEqualTo(DeclineReason.INSUFFICIENT_FUNDS);
		assertThat(DeclineReason.INVALID_CARD_TOKEN.code()).isEqualTo("invalid_card_token");
		assertThatIllegalArgumentException().isThrownBy(() -> Coded.of(DeclineReason.class, "stolen"));
	}

}
