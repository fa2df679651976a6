package dev.shopfront.inventory.catalog.messaging;

import java.util.UUID;

import dev.shopfront.testsupport.ServiceIntegrationTest;
import dev.shopfront.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The monolith's catalog changes, as change data capture publishes them, applied on real
 * PostgreSQL and RabbitMQ: added and overwritten rows, a late (older) change skipped, a
 * redelivered message applied once, a deleted row removed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LegacyCatalogIntegrationTests extends ServiceIntegrationTest {

	private static String newSku() {
		return "CDC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	private static Message change(String sku, String name, String price, int stock, long position) {
		return TestEvents.message("legacy.product-changed", sku,
				TestEvents.fields("sku", sku, "name", name, "description", "From the monolith", "category", "lamps",
						"price", price, "currency", "EUR", "stock", stock, "deleted", false, "position", position));
	}

	private void send(Message message) {
		this.rabbit.send("legacy.catalog", "legacy.product-changed", message);
	}

	private String row(String sku) {
		return this.jdbc.sql("select name || '|' || price || '|' || available from products where sku = ?")
			.param(sku)
			.query(String.class)
			.optional()
			.orElse("none");
	}

	@Test
	void addsAndOverwritesProductsInTheOrderOfTheMonolithsLog() {
		String sku = newSku();
		send(change(sku, "Lamp", "19.90", 5, 1_000));
		await().atMost(WAIT).until(() -> row(sku).equals("Lamp|19.90|5"));
		send(change(sku, "Lamp II", "21.00", 7, 2_000));
		await().atMost(WAIT).until(() -> row(sku).equals("Lamp II|21.00|7"));
		// a change older than the one applied (a retry that arrives late) leaves the row
		send(change(sku, "Lamp (stale)", "1.00", 1, 1_500));
		String marker = newSku();
		send(change(marker, "Marker", "1.00", 1, 1_600));
		await().atMost(WAIT).until(() -> row(marker).equals("Marker|1.00|1"));
		assertThat(row(sku)).isEqualTo("Lamp II|21.00|7");
		assertThat(this.jdbc.sql("select position from legacy_positions where sku = ?")
			.param(sku)
			.query(Long.class)
			.single()).isEqualTo(2_000L);
		// every applied change is announced like any other stock change
		assertThat(this.jdbc.sql("select count(*) from outbox where type = 'inventory.stock-changed' and subject = ?")
			.param(sku)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aRedeliveredChangeIsAppliedOnce() {
		String sku = newSku();
		String id = "legacy-products-3000-" + sku;
		String data = """
				{"sku":"%s","name":"Desk","description":"","price":"99.00","currency":"EUR","stock":3,
				 "deleted":false,"position":3000}""".formatted(sku);
		send(TestEvents.raw("legacy.product-changed", sku, id, data));
		await().atMost(WAIT).until(() -> row(sku).equals("Desk|99.00|3"));
		// an ADMIN of the service changes the row meanwhile; the copy must not undo it
		this.jdbc.sql("update products set available = 9 where sku = ?").param(sku).update();
		send(TestEvents.raw("legacy.product-changed", sku, id, data));
		String marker = newSku();
		send(change(marker, "Marker", "1.00", 1, 3_100));
		await().atMost(WAIT).until(() -> row(marker).equals("Marker|1.00|1"));
		assertThat(row(sku)).isEqualTo("Desk|99.00|9");
	}

	@Test
	void aDeletedRowIsRemoved() {
		String sku = newSku();
		send(change(sku, "Chair", "49.00", 2, 4_000));
		await().atMost(WAIT).until(() -> row(sku).equals("Chair|49.00|2"));
		send(TestEvents.message("legacy.product-changed", sku,
				TestEvents.fields("sku", sku, "deleted", true, "position", 4_001)));
		await().atMost(WAIT).until(() -> row(sku).equals("none"));
	}

}
