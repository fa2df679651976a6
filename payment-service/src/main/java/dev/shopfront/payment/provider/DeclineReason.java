package dev.shopfront.payment.provider;

/**
 * Why the provider declined a charge; the codes are those of {@code payment.declined}.
 */
public enum DeclineReason implements Coded {

	/** The issuer declined the card. */
	CARD_DECLINED,

	/** Not enough funds on the card. */
	INSUFFICIENT_FUNDS,

	/** The provider knows no card by this token. */
	INVALID_CARD_TOKEN;

	/**
	 * The reason of a code.
	 * @param code e.g. {@code card_declined}
	 * @return the reason
	 * @throws IllegalArgumentException when the code is none of them
	 */
	public static DeclineReason of(String code) {
		return Coded.of(DeclineReason.class, code);
	}

}
