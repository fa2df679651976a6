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

}
