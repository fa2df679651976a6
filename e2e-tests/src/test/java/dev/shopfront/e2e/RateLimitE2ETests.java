package dev.shopfront.e2e;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

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

		// remaining + 1 requests must hit the limit. They go out 8 at a time, so that the
		// bucket
		// hardly refills meanwhile; the bound leaves room for what it does refill.
		int budget = 2 * remaining + 20;
		AtomicInteger sent = new AtomicInteger();
		AtomicReference<Response> limited = new AtomicReference<>();
		List<String> unexpected = new CopyOnWriteArrayList<>();
		try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
			for (int i = 0; i < 8; i++) {
				clients.submit(() -> {
					while (limited.get() == null && unexpected.isEmpty() && sent.incrementAndGet() <= budget) {
						Response response = customer.authorized().get("/api/users/me");
						if (response.statusCode() == 429) {
							limited.compareAndSet(null, response);
						}
						else if (response.statusCode() != 200) {
							unexpected.add(response.statusCode() + " " + response.asString());
						}
					}
				});
			}
		}
		assertThat(unexpected).as("answers other than 200 and 429").isEmpty();
		if (limited.get() == null) {
			fail("No 429 after %d requests (the gateway announced %d remaining)", budget, remaining);
		}
		assertThat(sent.get()).as("requests sent until the first 429").isGreaterThan(remaining / 2);
		Response limitedResponse = limited.get();
		Problems.assertProblem(limitedResponse, 429, "rate-limited");
		String retryAfter = limitedResponse.header("Retry-After");
		assertThat(retryAfter).as("Retry-After on %s", limitedResponse.getHeaders()).isNotBlank();
		assertThat(Long.parseLong(retryAfter.strip())).isPositive();
	}

}
