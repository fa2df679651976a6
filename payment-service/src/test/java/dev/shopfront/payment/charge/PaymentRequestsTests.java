package dev.shopfront.payment.charge;

import java.math.BigDecimal;
import java.util.UUID;

import dev.shopfront.payment.charge.PaymentRequests.Authorize;
import dev.shopfront.payment.charge.PaymentRequests.InvalidRequest;
import dev.shopfront.payment.charge.PaymentRequests.Refund;
import dev.shopfront.payment.provider.CardToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PaymentRequestsTests {

	private static final CardToken CARD = new CardToken("tok_visa");

	private static Authorize authorize(String amount, String currency) {
		return new Authorize(UUID.randomUUID(), UUID.randomUUID(), PaymentRequests.amount(amount, "amount"), currency,
				CARD);
	}

	@Test
	void keepsAmountsToTwoDecimals() {
		assertThat(authorize("59.98", "EUR").amount()).hasToString("59.98");
		assertThat(authorize("60", "EUR").amount()).hasToString("60.00");
		assertThat(authorize("59.980", "EUR").amount()).hasToString("59.98");
		assertThat(authorize("0.01", "EUR").amount()).hasToString("0.01");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "0.00", "-1.00", "59.981", "12345678901.00", "1e-3" })
	void refusesAmountsThatAreNotMoney(String amount) {
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> authorize(amount, "EUR"))
			.withMessageContaining("amount");
	}

	@ParameterizedTest
	@ValueSource(strings = { "59,98", "", "abc", "NaN" })
	void refusesAmountsThatAreNotNumbers(String amount) {
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> authorize(amount, "EUR"))
			.withMessageContaining("decimal string");
	}

	@ParameterizedTest
	@ValueSource(strings = { "eur", "EURO", "XYZ", "", "€" })
	void refusesCurrenciesThatAreNotIso4217(String currency) {
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> authorize("1.00", currency))
			.withMessageContaining("currency");
	}

	@Test
	void aRefundNeedsAReason() {
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> new Refund(UUID.randomUUID(), UUID.randomUUID(), BigDecimal.TEN, "EUR", " "));
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> new Refund(UUID.randomUUID(), UUID.randomUUID(), BigDecimal.TEN, "EUR", "X".repeat(65)));
		assertThat(new Refund(UUID.randomUUID(), UUID.randomUUID(), BigDecimal.TEN, "EUR", "CUSTOMER_REQUEST").amount())
			.hasToString("10.00");
	}

	@Test
	void anInvalidRequestNeverNamesTheCard() {
		CardToken secret = new CardToken("tok_secret_123");
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> new Authorize(UUID.randomUUID(), UUID.randomUUID(), new BigDecimal("-1"), "EUR", secret))
			.withMessageNotContaining("tok_secret_123");
		Authorize request = new Authorize(UUID.randomUUID(), UUID.randomUUID(), BigDecimal.ONE, "EUR", secret);
		assertThat(request.toString()).doesNotContain("tok_secret_123");
	}

}
