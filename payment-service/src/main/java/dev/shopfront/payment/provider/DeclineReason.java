package dev.shopfront.payment.provider;

import java.util.Arrays;

/**
 * Why the provider declined a charge; the codes are those of {@code payment.declined}.
 */
public enum DeclineReason {

	/** The issuer declined the card. */
	CARD_DECLINED("card_declined"),

	/** Not enough funds on the card. */
	INSUFFICIENT_FUNDS("insufficient_funds"),

	/** The provider knows no card by this token. */
	INVALID_CARD_TOKEN("invalid_card_token");

	private final String code;

	DeclineReason(String code) {
		this.code = code;
	}

	/**
	 * The reason as stored, shown and published.
	 * @return e.g. {@code card_declined}
	 */
	public String code() {
		return this.code;
	}

	/**
	 * The reason of a code.
	 * @param code e.g. {@code card_declined}
	 * @return the reason
	 * @throws IllegalArgumentException when the code is none of them
	 */
	public static DeclineReason of(String code) {
		return Arrays.stream(values())
			.filter((reason) -> reason.code.equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown decline reason " + code));
	}

}
