package dev.shopfront.user.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service client whose secret was never set must not exist: an empty secret would
 * otherwise be a valid password for a SERVICE token.
 */
class UserPropertiesTests {

	@Test
	void clientsWithoutASecretAreLeftOut() {
		Map<String, UserProperties.ServiceClient> clients = new LinkedHashMap<>();
		clients.put("order-service", new UserProperties.ServiceClient("{noop}s3cret"));
		clients.put("empty", new UserProperties.ServiceClient(""));
		clients.put("prefix-only", new UserProperties.ServiceClient("{noop}"));
		clients.put("missing", new UserProperties.ServiceClient(null));
		UserProperties properties = new UserProperties(null, null, null, null, clients);
		assertThat(properties.serviceClients()).containsOnlyKeys("order-service");
	}

}
