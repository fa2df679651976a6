package dev.shopfront.testsupport;

import java.util.UUID;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class EventSchemasTests {

	private final String dispatched = """
			{"shipmentId": "%s", "orderId": "%s", "userId": "%s", "trackingNumber": "SF0123456789",
			 "dispatchedAt": "2026-11-26T08:00:00Z"}
			""".formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

	@Test
	void findsTheSchemasFromAModuleAndAcceptsDataThatKeepsToThem() {
		EventSchemas.assertValid("shipment.dispatched", 1, this.dispatched);
		assertThat(EventSchemas.violations("shipment.dispatched", 1, this.dispatched)).isEmpty();
	}

	@Test
	void namesWhereTheDataBreaksTheSchema() {
		assertThat(EventSchemas.violations("shipment.dispatched", 1,
				this.dispatched.replace("SF0123456789", "sf0123456789")))
			.singleElement(InstanceOfAssertFactories.STRING)
			.startsWith("/trackingNumber");
		assertThat(EventSchemas.violations("shipment.delivered", 1, this.dispatched))
			.singleElement(InstanceOfAssertFactories.STRING)
			.contains("deliveredAt");
	}

	@Test
	void assertsFormatsNotJustTypes() {
		assertThat(EventSchemas.violations("shipment.dispatched", 1,
				this.dispatched.replace("2026-11-26T08:00:00Z", "yesterday")))
			.singleElement(InstanceOfAssertFactories.STRING)
			.startsWith("/dispatchedAt");
		assertThat(
				EventSchemas.violations("shipment.dispatched", 1, this.dispatched.replaceFirst("[0-9a-f-]{36}", "x")))
			.singleElement(InstanceOfAssertFactories.STRING)
			.startsWith("/shipmentId");
	}

	@Test
	void assertValidFailsOnDataThatBreaksTheSchema() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> EventSchemas.assertValid("shipment.dispatched", 1,
					this.dispatched.replace("SF0123456789", "sf0123456789")))
			.withMessageContaining("shipment.dispatched.v1.json")
			.withMessageContaining("/trackingNumber");
	}

	@Test
	void refusesToAnswerForWhatIsNotJsonOrHasNoSchema() {
		assertThatIllegalArgumentException().isThrownBy(() -> EventSchemas.violations("shipment.dispatched", 1, "{"));
		assertThatIllegalArgumentException().isThrownBy(() -> EventSchemas.violations("shipment.dispatched", 1, ""));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EventSchemas.violations("shipment.dispatched", 1, this.dispatched + "}"));
		assertThatIllegalStateException().isThrownBy(() -> EventSchemas.violations("shipment.dispatched", 9, "{}"))
			.withMessageContaining("shipment.dispatched.v9.json");
	}

}
