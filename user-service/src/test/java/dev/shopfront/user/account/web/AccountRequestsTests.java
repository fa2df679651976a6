package dev.shopfront.user.account.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class AccountRequestsTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void tellsALeftOutAddressFromARemovedOne() {
		assertThat(read("{\"fullName\": \"A\"}").shippingAddress()).isNull();
		assertThat(read("{\"shippingAddress\": null}").shippingAddress()).isEmpty();
		assertThat(read("{\"shippingAddress\": {\"line1\": \"Main St 1\", \"city\": \"Berlin\", "
				+ "\"postalCode\": \"10115\", \"country\": \"DE\"}}")
			.shippingAddress()).hasValueSatisfying((address) -> assertThat(address.city()).isEqualTo("Berlin"));
	}

	private AccountRequests.ChangeProfile read(String body) {
		return this.json.readValue(body, AccountRequests.ChangeProfile.class);
	}

}
