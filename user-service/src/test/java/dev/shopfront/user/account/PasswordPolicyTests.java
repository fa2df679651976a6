package dev.shopfront.user.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class PasswordPolicyTests {

	@Test
	void acceptsTwelveCharactersOrMore() {
		assertThatNoException().isThrownBy(() -> PasswordPolicy.check("correct horse", "a@example.com"));
	}

	@Test
	void rejectsShortPasswords() {
		assertThatExceptionOfType(WeakPasswordException.class)
			.isThrownBy(() -> PasswordPolicy.check("elevenchars", "a@example.com"))
			.withMessageContaining("at least 12");
	}

	@Test
	void countsCharactersNotBytes() {
		assertThatNoException().isThrownBy(() -> PasswordPolicy.check("ümlautsümlaut", "a@example.com"));
		assertThatExceptionOfType(WeakPasswordException.class)
			.isThrownBy(() -> PasswordPolicy.check("😀😀😀😀😀😀x", "a@example.com"));
	}

	@Test
	void rejectsOverlyLongPasswords() {
		assertThatExceptionOfType(WeakPasswordException.class)
			.isThrownBy(() -> PasswordPolicy.check("x1".repeat(65), "a@example.com"))
			.withMessageContaining("at most 128");
	}

	@Test
	void rejectsTheEmailAddressAsPassword() {
		assertThatExceptionOfType(WeakPasswordException.class)
			.isThrownBy(() -> PasswordPolicy.check("Long.Name@Example.com", "long.name@example.com"))
			.withMessageContaining("e-mail");
	}

	@Test
	void rejectsOneCharacterRepeated() {
		assertThatExceptionOfType(WeakPasswordException.class)
			.isThrownBy(() -> PasswordPolicy.check("aaaaaaaaaaaaaaaa", "a@example.com"));
	}

}
