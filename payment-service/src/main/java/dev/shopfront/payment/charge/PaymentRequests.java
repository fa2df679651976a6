package dev.shopfront.payment.charge;

import java.math.BigDecimal;
import java.util.UUID;

import dev.shopfront.payment.provider.CardToken;

/**
 * What payment-service is asked to do, checked: amounts above 0 with at most 2 decimals,
 * currencies ISO 4217 codes. A request that breaks them is an {@link InvalidRequest},
 * whose message never carries the card token.
 */
public final class PaymentRequests {

	private PaymentRequests() {
	}

	/**
	 * Authorise a payment for an order.
	 *
	 * @param orderId the order
	 * @param userId the customer who placed it
	 * @param amount the amount to charge
	 * @param currency its currency
	 * @param card the card token (a missing one is an empty token, which the provider
	 * declines)
	 */
	public record Authorize(UUID orderId, UUID userId, BigDecimal amount, String currency, CardToken card) {

		public Authorize {
			amount = checkedAmount(amount);
			checkCurrency(currency);
		}

	}

	/**
	 * Refund a payment in full.
	 *
	 * @param orderId the order the payment belongs to
	 * @param paymentId the payment
	 * @param amount the amount, which must be the payment's
	 * @param currency its currency, which must be the payment's
	 * @param reason why
	 */
	public record Refund(UUID orderId, UUID paymentId, BigDecimal amount, String currency, String reason) {

		public Refund {
			amount = checkedAmount(amount);
			checkCurrency(currency);
			if (reason.isBlank() || reason.length() > 64) {
				throw new InvalidRequest("reason must be 1 to 64 characters");
			}
		}

	}

	/**
	 * An amount as the contracts write it: a decimal string such as {@code "59.98"}.
	 * @param text the string
	 * @param field the field's name, for the message
	 * @return the amount
	 * @throws InvalidRequest when it is not a decimal number
	 */
	public static BigDecimal amount(String text, String field) {
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			throw new InvalidRequest(field + " must be a decimal string such as \"59.98\"");
		}
	}

	private static BigDecimal checkedAmount(BigDecimal amount) {
		if (amount.signum() <= 0) {
			throw new InvalidRequest("amount must be greater than 0");
		}
		if (amount.stripTrailingZeros().scale() > 2 || amount.precision() - amount.scale() > 10) {
			throw new InvalidRequest("amount must have at most 10 digits before and 2 after the decimal point");
		}
		return amount.setScale(2);
	}

	private static void checkCurrency(String currency) {
		boolean known;
		try {
			known = currency.matches("[A-Z]{3}") && java.util.Currency.getInstance(currency) != null;
		}
		catch (IllegalArgumentException ex) {
			known = false;
		}
		if (!known) {
			throw new InvalidRequest("currency must be an ISO 4217 code such as EUR");
		}
	}

	/** A request that breaks the contract; retrying cannot help. */
	public static class InvalidRequest extends RuntimeException {

		public InvalidRequest(String message) {
			super(message);
		}

	}

}
