package dev.shopfront.user.account;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountTests {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	@Test
	void normalizesTheEmailAddressOnRegistration() {
		Account account = Account.register("  Alice.Smith@Example.COM ", "hash", " Alice ", null, Role.CUSTOMER, NOW);
		assertThat(account.email()).isEqualTo("alice.smith@example.com");
		assertThat(account.fullName()).isEqualTo("Alice");
		assertThat(account.preferences()).isEqualTo(new Preferences(false, "en"));
		assertThat(account.createdAt()).isEqualTo(NOW);
	}

	@Test
	void keepsWhatAChangeLeavesOut() {
		Address home = new Address("Main St 1", null, "Berlin", "10115", "DE");
		Account account = Account.register("a@example.com", "hash", "Alice", home, Role.CUSTOMER, NOW);
		Instant later = NOW.plusSeconds(60);
		account.rename("Alice B", later);
		assertThat(account.shippingAddress()).isEqualTo(home);
		assertThat(account.updatedAt()).isEqualTo(later);
		account.moveTo(Optional.<Address>empty().orElse(null), later);
		assertThat(account.shippingAddress()).isNull();
		assertThat(account.fullName()).isEqualTo("Alice B");
	}

}
