package dev.shopfront.chassis.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The two things services do with secrets and keys they must not keep in clear: a SHA-256
 * of a text (stored or compared instead of the text) and a random token.
 */
public final class Digests {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Digests() {
	}

	/**
	 * The SHA-256 of a text's UTF-8 bytes.
	 * @param text the text
	 * @return 64 lowercase hex digits
	 */
	public static String sha256Hex(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	/**
	 * A random token, URL-safe base64 without padding.
	 * @param bytes how many random bytes it holds
	 * @return the token
	 */
	public static String randomToken(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

}
