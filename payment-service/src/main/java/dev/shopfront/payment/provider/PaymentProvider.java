package dev.shopfront.payment.provider;

/**
 * A payment provider: asked to authorise a charge on a card, it approves or declines. The
 * card travels as a token the provider issued; the provider tells the card brand, so the
 * token need never be stored.
 */
public interface PaymentProvider {

	/**
	 * Authorises a charge; blocks until the provider answers.
	 * @param charge what to charge on which card
	 * @return the provider's decision
	 */
	ProviderDecision authorize(Charge charge);

}
