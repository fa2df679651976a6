package dev.shopfront.payment.provider;

import java.util.Arrays;

/**
 * The brand of a card, as the provider tells it; what payment-service keeps instead of
 * the token.
 */
public enum CardBrand {

	/** Visa. */
	VISA("visa"),

	/** Mastercard. */
	MASTERCARD("mastercard"),

	/** The provider did not know the card. */
	UNKNOWN("unknown");

	private final String code;

	CardBrand(String code) {
		this.code = code;
	}

	/**
	 * The brand as stored and shown.
	 * @return e.g. {@code visa}
	 */
	public String code() {
		return this.code;
	}

	/**
	 * The brand of a code.
	 * @param code e.g. {@code visa}
	 * @return the brand
	 * @throws IllegalArgumentException when the code is none of them
	 */
	public static CardBrand of(String code) {
		return Arrays.stream(values())
			.filter((brand) -> brand.code.equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown card brand " + code));
	}

}
