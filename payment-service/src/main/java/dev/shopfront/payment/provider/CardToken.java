package dev.shopfront.payment.provider;

/**
 * A card token issued by the payment provider (e.g. {@code tok_visa}). It stands for a
 * card, so it is a secret: it is never stored or logged, and {@link #toString()} does not
 * show it.
 *
 * @param value the token
 */
public record CardToken(String value) {

	@Override
	public String toString() {
		return "CardToken[redacted]";
	}

}
