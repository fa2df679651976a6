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

}
