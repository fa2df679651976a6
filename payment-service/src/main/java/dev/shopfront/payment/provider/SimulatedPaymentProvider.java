package dev.shopfront.payment.provider;

import java.time.Duration;

import dev.shopfront.payment.config.PaymentProperties;

import org.springframework.stereotype.Component;

/**
 * The payment provider of the reference system: it knows a few test tokens, modelled on a
 * real provider's (all of them Visa test cards except {@code tok_mastercard}).
 * <ul>
 * <li>{@code tok_visa}, {@code tok_mastercard}: approved;</li>
 * <li>{@code tok_chargeDeclined}: declined, {@code card_declined};</li>
 * <li>{@code tok_insufficientFunds}: declined, {@code insufficient_funds};</li>
 * <li>{@code tok_slow}: approved after
 * {@code shopfront.payment.provider.slow-delay};</li>
 * <li>anything else: declined, {@code invalid_card_token}, brand unknown.</li>
 * </ul>
 */
@Component
class SimulatedPaymentProvider implements PaymentProvider {

	private final Duration slowDelay;

	SimulatedPaymentProvider(PaymentProperties properties) {
		this.slowDelay = properties.provider().slowDelay();
	}

	@Override
	public ProviderDecision authorize(Charge charge) {
		return switch (charge.card().value()) {
			case "tok_visa" -> ProviderDecision.approved(CardBrand.VISA);
			case "tok_mastercard" -> ProviderDecision.approved(CardBrand.MASTERCARD);
			case "tok_chargeDeclined" -> ProviderDecision.declined(CardBrand.VISA, DeclineReason.CARD_DECLINED);
			case "tok_insufficientFunds" -> ProviderDecision.declined(CardBrand.VISA, DeclineReason.INSUFFICIENT_FUNDS);
			case "tok_slow" -> {
				takeTime();
				yield ProviderDecision.approved(CardBrand.VISA);
			}
			default -> ProviderDecision.declined(CardBrand.UNKNOWN, DeclineReason.INVALID_CARD_TOKEN);
		};
	}

	/** A provider that takes its time; the simulation is the wait. */
	private void takeTime() {
		try {
			Thread.sleep(this.slowDelay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the payment provider");
		}
	}

}
