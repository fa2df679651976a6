package dev.shopfront.shipping.shipment;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

import org.springframework.stereotype.Component;

/**
 * Makes tracking numbers: {@code SF} and 10 random upper-case letters or digits (36^10 of
 * them, so a collision is rare; the database's unique index refuses one, and the message
 * that asked for it is retried with a new number).
 */
@Component
class TrackingNumbers {

	static final String PREFIX = "SF";

	static final int LENGTH = 10;

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	private final RandomGenerator random;

	TrackingNumbers() {
		this(new SecureRandom());
	}

	TrackingNumbers(RandomGenerator random) {
		this.random = random;
	}

	String next() {
		StringBuilder number = new StringBuilder(PREFIX.length() + LENGTH).append(PREFIX);
		for (int i = 0; i < LENGTH; i++) {
			number.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return number.toString();
	}

}
