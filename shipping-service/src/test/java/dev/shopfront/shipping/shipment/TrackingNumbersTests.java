package dev.shopfront.shipping.shipment;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingNumbersTests {

	@Test
	void areSfAndTenUpperCaseLettersOrDigits() {
		TrackingNumbers numbers = new TrackingNumbers();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String number = numbers.next();
			assertThat(number).matches("SF[A-Z0-9]{10}");
			seen.add(number);
		}
		assertThat(seen).hasSize(10_000);
	}

	@Test
	void useEveryLetterAndDigit() {
		TrackingNumbers numbers = new TrackingNumbers(new SplittableRandom(42));
		Set<Character> used = new HashSet<>();
		for (int i = 0; i < 1_000; i++) {
			numbers.next().substring(2).chars().forEach((c) -> used.add((char) c));
		}
		assertThat(used).hasSize(36);
	}

}
