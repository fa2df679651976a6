package dev.shopfront.order.lifecycle;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.shopfront.order.RequestTransactions;
import dev.shopfront.testsupport.JwtMinter;
import dev.shopfront.testsupport.ServiceIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/orders/{id}} with {@code Prefer: wait=N} on real PostgreSQL: the answer
 * comes when the order's status changes (a trigger announces it, the watch wakes the
 * request), or when the time is up; without the preference, or for an order that is no
 * longer PENDING, at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrderWaitIntegrationTests extends ServiceIntegrationTest {

	@Autowired
	OrderStatusWatch watch;

	@Autowired
	PlatformTransactionManager transactionManager;

	final UUID customer = UUID.randomUUID();

	private RequestSpecification asCustomer() {
		return RestAssured.given().port(this.port).auth().oauth2(JwtMinter.shared().customer(this.customer));
	}

	private UUID order(String status) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.sql("""
				insert into orders (id, user_id, status, ship_line1, ship_city, ship_postal_code, ship_country,
				                    created_at, updated_at, version)
				values (?, ?, ?, '1 Main Street', 'Springfield', '12345', 'DE', ?, ?, 0)
				""").params(id, this.customer, status, now, now).update();
		return id;
	}

	/** A GET with this Prefer header, returned once the watch counts it as waiting. */
	private CompletableFuture<Response> waitingRead(UUID id, String prefer) {
		CompletableFuture<Response> answer = CompletableFuture
			.supplyAsync(() -> asCustomer().header("Prefer", prefer).get("/api/orders/{id}", id));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.watch.waiting() == 1);
		return answer;
	}

	private void confirm(UUID id) {
		this.jdbc.sql("update orders set status = 'CONFIRMED', version = version + 1 where id = ?").param(id).update();
	}

	@Test
	void answersAsSoonAsThePendingOrderChanges() {
		UUID id = order("PENDING");
		try (RequestTransactions transactions = RequestTransactions.count(this.transactionManager)) {
			CompletableFuture<Response> answer = waitingRead(id, "wait=8");
			assertThat(answer).isNotDone();
			confirm(id);
			Response response = answer.join();
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.<String>path("status")).isEqualTo("CONFIRMED");
			assertThat(response.header("Preference-Applied")).isEqualTo("wait=8");
			assertThat(response.header("Vary")).contains("Prefer");
			assertThat(this.watch.waiting()).isZero();
			// one read once registered, one when woken
			assertThat(transactions.of("GET", "/api/orders/" + id)).isEqualTo(2);
		}
	}

	@Test
	void answersWhatItReadsWhenTheTimeIsUp() {
		UUID id = order("PENDING");
		Response response = asCustomer().header("Prefer", "respond-async, wait=1").get("/api/orders/{id}", id);
		assertThat(response.<String>path("status")).isEqualTo("PENDING");
		assertThat(response.header("Preference-Applied")).isEqualTo("wait=1");
		assertThat(this.watch.waiting()).isZero();
	}

	@Test
	void answersAtOnceWithoutThePreferenceOrWhenThereIsNothingToWaitFor() {
		UUID pending = order("PENDING");
		Response plain = asCustomer().get("/api/orders/{id}", pending);
		assertThat(plain.<String>path("status")).isEqualTo("PENDING");
		assertThat(plain.header("Preference-Applied")).isNull();
		UUID confirmed = order("CONFIRMED");
		try (RequestTransactions transactions = RequestTransactions.count(this.transactionManager)) {
			// it would take 8 s if it waited; it answers at once, after one read:
			// the order is not PENDING
			CompletableFuture<Response> answer = CompletableFuture
				.supplyAsync(() -> asCustomer().header("Prefer", "wait=8").get("/api/orders/{id}", confirmed));
			assertThat(answer.join().<String>path("status")).isEqualTo("CONFIRMED");
			assertThat(transactions.of("GET", "/api/orders/" + confirmed)).isEqualTo(1);
		}
		// another customer's order is not found, without waiting for it
		UUID someoneElses = order("PENDING");
		RestAssured.given()
			.port(this.port)
			.auth()
			.oauth2(JwtMinter.shared().customer(UUID.randomUUID()))
			.header("Prefer", "wait=8")
			.get("/api/orders/{id}", someoneElses)
			.then()
			.statusCode(404);
	}

	@Test
	void capsTheWaitItApplies() {
		UUID id = order("PENDING");
		CompletableFuture<Response> answer = waitingRead(id, "wait=3600");
		confirm(id);
		assertThat(answer.join().header("Preference-Applied")).isEqualTo("wait=8");
	}

}
