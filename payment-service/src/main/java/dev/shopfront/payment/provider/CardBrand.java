package dev.shopfront.payment.provider;

import java.util.Locale;

/**
 * The brand of a card, as the provider tells it; what payment-service keeps instead of
 * the token.
 */
public enum CardBrand {

	/** Visa. */
	VISA,

	/** Mastercard. */
	MASTERCARD,

	/** The provider did not know the card. */
	UNKNOWN;

	/**
	 * The brand as stored and shown.
	 * @return its name in lower case, e.g. {@code visa}
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The brand of a code.
	 * @param code e.g. {@code visa}
	 * @return the brand
	 * @throws IllegalArgumentException when the code is none of them
	 */
	public static CardBrand of(String code) {
		for (CardBrand brand : values()) {
			if (brand.code().equals(code)) {
				return brand;
			}
		}
		throw new IllegalArgumentException("Unknown card brand " + code);
	}

}
