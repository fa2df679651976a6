package dev.shopfront.payment.provider;

/**
 * The brand of a card, as the provider tells it; what payment-service keeps instead of
 * the token.
 */
public enum CardBrand implements Coded {

	/** Visa. */
	VISA,

	/** Mastercard. */
	MASTERCARD,

	/** The provider did not know the card. */
	UNKNOWN;

	/**
	 * The brand of a code.
	 * @param code e.g. {@code visa}
	 * @return the brand
	 * @throws IllegalArgumentException when the code is none of them
	 */
	public static CardBrand of(String code) {
		return Coded.of(CardBrand.class, code);
	}

}
