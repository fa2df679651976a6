package dev.shopfront.payment.provider;

import java.util.Locale;

/**
 * A value of the provider's that is stored, shown and published by a code: its name in
 * lower case ({@code visa}, {@code card_declined}).
 */
public interface Coded {

	/**
	 * The constant's name, as every enum has it.
	 * @return e.g. {@code CARD_DECLINED}
	 */
	String name();

	/**
	 * The code.
	 * @return the name in lower case, e.g. {@code card_declined}
	 */
	default String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The constant of a code.
	 * @param <E> the enum
	 * @param type its class
	 * @param code the code
	 * @return the constant
	 * @throws IllegalArgumentException when the code is none of them
	 */
	static <E extends Enum<E> & Coded> E of(Class<E> type, String code) {
		for (E value : type.getEnumConstants()) {
			if (value.code().equals(code)) {
				return value;
			}
		}
		throw new IllegalArgumentException("Unknown " + type.getSimpleName() + " " + code);
	}

}
