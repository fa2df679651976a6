package dev.shopfront.e2e;

import dev.shopfront.e2e.Api.Customer;
import io.restassured.response.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The gateway limits the request rate per user: once the remaining allowance it announces
 * is used up, the next request gets 429 with {@code Retry-After}. Runs last, so that the
 * spent allowance cannot disturb the other tests.
 */
@ExtendWith(ShopDeployment.class)
@Order(Integer.MAX_VALUE)
class RateLimitE2ETests {

	/**
	 * More requests than this for one user within the window is not a limit worth testing
	 * here.
	 */
	private static final int MAX_REQUESTS = 5000;

	@Test
	void aUserOverTheLimitGets429WithRetryAfter() {
		Customer customer = Api.newCustomer("ratelimit");
		Response first = customer.authorized().get("/api/users/me");
		assertThat(first.statusCode()).as(first.asString()).isEqualTo(200);
		String announced = first.header("X-RateLimit-Remaining");
		assertThat(announced).as("X-RateLimit-Remaining on %s", first.getHeaders()).isNotBlank();
		int remaining = Integer.parseInt(announced.strip());
		if (remaining >= MAX_REQUESTS) {
			fail("The gateway allows %d more requests per user; more than %d is too many to exhaust in a test. "
					+ "Configure a lower limit for this deployment.", remaining, MAX_REQUESTS);
		}

		Response limited = null;
		int sent = 0;
		// remaining + 1 requests must hit the limit; a few more in case the bucket
		// refilled meanwhile.
		int budget = remaining + 1 + Math.max(5, remaining / 10);
		while (sent < budget) {
			Response response = customer.authorized().get("/api/users/me");
			sent++;
			if (response.statusCode() == 429) {
				limited = response;
				break;
			}
			assertThat(response.statusCode()).as("request %d: %s", sent, response.asString()).isEqualTo(200);
		}
		if (limited == null) {
			fail("No 429 after %d requests (the gateway announced %d remaining)", sent, remaining);
		}
		Problems.assertProblem(limited, 429, "rate-limited");
		String retryAfter = limited.header("Retry-After");
		assertThat(retryAfter).as("Retry-After on %s", limited.getHeaders()).isNotBlank();
		assertThat(Long.parseLong(retryAfter.strip())).isPositive();
	}

}
