package dev.shopfront.payment.provider;

import java.util.Locale;

/**
 * Why the provider declined a charge; the codes are those of {@code payment.declined}.
 */
public enum DeclineReason {

	/** The issuer declined the card. */
	CARD_DECLINED,

	/** Not enough funds on the card. */
	INSUFFICIENT_FUNDS,

	/** The provider knows no card by this token. */
	INVALID_CARD_TOKEN;

	/**
	 * The reason as stored, shown and published.
	 * @return its name in lower case, e.g. {@code card_declined}
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The reason of a code.
	 * @param code e.g. {@code card_declined}
	 * @return the reason
	 * @throws IllegalArgumentException when the code is none of them
	 */
	public static DeclineReason of(String code) {
		for (DeclineReason reason : values()) {
			if (reason.code().equals(code)) {
				return reason;
			}
		}
		throw new IllegalArgumentException("Unknown decline reason " + code);
	}

}
