package dev.shopfront.user.account;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What a customer chose about how the shop talks to them.
 *
 * @param marketingEmails whether they want offers by e-mail
 * @param language preferred language, a BCP 47 tag such as {@code en} or {@code de}
 */
@Embeddable
public record Preferences(@Column(name = "marketing_emails") boolean marketingEmails,
		@Column(name = "language") String language) {

	static Preferences defaults() {
		return new Preferences(false, "en");
	}

}
