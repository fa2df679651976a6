package dev.shopfront.chassis.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link SingleLine}.
 */
public class SingleLineValidator implements ConstraintValidator<SingleLine, CharSequence> {

	@Override
	public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
		return value == null || isSingleLine(value);
	}

	/**
	 * Whether the text is one line of plain text.
	 * @param text the text
	 * @return false for text with a control character, a line or paragraph separator, a
	 * bidirectional override or isolate (which make text read differently from how it is
	 * stored), a lone surrogate or a private-use character; other format characters stay
	 * allowed (the zero-width joiners some scripts need)
	 */
	public static boolean isSingleLine(CharSequence text) {
		for (int i = 0; i < text.length();) {
			int c = Character.codePointAt(text, i);
			int type = Character.getType(c);
			if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
					|| type == Character.SURROGATE || type == Character.PRIVATE_USE || isBidiControl(c)) {
				return false;
			}
			i += Character.charCount(c);
		}
		return true;
	}

	private static boolean isBidiControl(int c) {
		return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
	}

}
