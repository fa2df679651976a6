package dev.shopfront.user.account;

/**
 * What a customer chose about how the shop talks to them.
 *
 * @param marketingEmails whether they want offers by e-mail
 * @param language preferred language, a BCP 47 tag such as {@code en} or {@code de}
 */
public record Preferences(boolean marketingEmails, String language) {

	static Preferences defaults() {
		return new Preferences(false, "en");
	}

}
