package dev.shopfront.chassis.security;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner, or an administrator: who may see what belongs to a user.
 */
class CallerTests {

	private final UUID owner = UUID.randomUUID();

	@Test
	void theOwnerAndAdministratorsMayActForAUserOthersMayNot() {
		assertThat(caller(this.owner.toString(), "ROLE_CUSTOMER").mayActFor(this.owner)).isTrue();
		assertThat(caller(UUID.randomUUID().toString(), "ROLE_ADMIN").mayActFor(this.owner)).isTrue();
		assertThat(caller(UUID.randomUUID().toString(), "ROLE_CUSTOMER").mayActFor(this.owner)).isFalse();
		assertThat(caller("order-service", "ROLE_SERVICE").mayActFor(this.owner)).isFalse();
	}

	@Test
	void aServiceIsNoUser() {
		assertThat(caller("order-service", "ROLE_SERVICE").userId()).isEmpty();
		assertThat(caller(this.owner.toString(), "ROLE_CUSTOMER").userId()).contains(this.owner);
		assertThat(caller("order-service", "ROLE_SERVICE").admin()).isFalse();
	}

	private static Caller caller(String subject, String... roles) {
		return Caller
			.of(new TestingAuthenticationToken(subject, null, AuthorityUtils.createAuthorityList(List.of(roles))));
	}

}
