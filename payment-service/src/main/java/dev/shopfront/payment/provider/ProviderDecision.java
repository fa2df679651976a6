package dev.shopfront.payment.provider;

import org.jspecify.annotations.Nullable;

/**
 * What the provider answered.
 *
 * @param approved whether it authorised the charge
 * @param brand the card's brand
 * @param declineReason why it declined; null when approved
 */
public record ProviderDecision(boolean approved, CardBrand brand, @Nullable DeclineReason declineReason) {

	public ProviderDecision {
		if (approved == (declineReason != null)) {
			throw new IllegalArgumentException("A decision has a decline reason exactly when it is a decline");
		}
	}

	/**
	 * An approval.
	 * @param brand the card's brand
	 * @return the decision
	 */
	public static ProviderDecision approved(CardBrand brand) {
		return new ProviderDecision(true, brand, null);
	}

	/**
	 * A decline.
	 * @param brand the card's brand
	 * @param reason why
	 * @return the decision
	 */
	public static ProviderDecision declined(CardBrand brand, DeclineReason reason) {
		return new ProviderDecision(false, brand, reason);
	}

}
