package dev.shopfront.chassis.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one line of plain text is, for names and address lines everywhere.
 */
class SingleLineValidatorTests {

	@ParameterizedTest
	@ValueSource(strings = { "Ada Lovelace", "José Ñúñez-O'Brien", "王小明", "محمد", "مهرداد\u200cی", "Zoë 👩\u200d💻",
			"12 Analytical Street, Flat 3" })
	void namesOfEveryScriptPass(String name) {
		assertThat(SingleLineValidator.isSingleLine(name)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Ada\nhttp://evil.example", "Ada\r\nBcc: x@example.com", "A\u0000B", "tab\there",
			"A\u2028B", "A\u2029B", "evil\u202Egnp.exe", "x\u2066y", "bell\u0007", "C1\u0085" })
	void breaksControlsAndOverridesDoNot(String name) {
		assertThat(SingleLineValidator.isSingleLine(name)).isFalse();
	}

}
